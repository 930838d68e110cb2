import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { TaboolaCredentials, TaboolaOptions } from './schemas';
export { TABOOLA_CURRENCIES } from './action';
export { VERSION, TABOOLA_S2S_VERSION } from './version';
export default adapter;
