import { adapter } from './adapter';

export { adapter };
export { ACTION_SOURCES, credentialsSchema, optionsSchema } from './schemas';
export type { SpotifyAdsCredentials, SpotifyAdsOptions } from './schemas';
export { SPOTIFY_CUSTOM_EVENTS, SPOTIFY_EVENT_NAMES } from './event-map';
export { SPOTIFY_CAPI, VERSION } from './version';
export default adapter;
