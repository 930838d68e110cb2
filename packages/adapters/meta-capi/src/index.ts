import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, ACTION_SOURCES } from './schemas';
export type { MetaCapiCredentials, MetaCapiOptions } from './schemas';
export { VERSION, GRAPH_API_VERSION } from './version';
export default adapter;
