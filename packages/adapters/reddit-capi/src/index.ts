import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, ACTION_SOURCES } from './schemas';
export type { RedditCapiCredentials, RedditCapiOptions, ActionSource } from './schemas';
export { normalizeEmailForReddit } from './user';
export { VERSION, REDDIT_API_VERSION } from './version';
export default adapter;
