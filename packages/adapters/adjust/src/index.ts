import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { AdjustCredentials, AdjustOptions } from './schemas';
export { DEVICE_ID_KEYS } from './device';
export { VERSION } from './version';
export default adapter;
