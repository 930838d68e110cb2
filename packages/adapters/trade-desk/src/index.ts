import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { TradeDeskCredentials, TradeDeskOptions } from './schemas';
export { ADVERTISING_ID_KEYS } from './identity';
export { VERSION, TTD_ENDPOINT } from './version';
export default adapter;
