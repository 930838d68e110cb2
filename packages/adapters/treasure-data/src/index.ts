import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { TreasureDataCredentials, TreasureDataOptions } from './schemas';
export { VERSION } from './version';
export default adapter;
