import { adapter } from './adapter';

export { adapter };
export { BRANCH_MAX_EVENT_AGE_MS } from './adapter';
export { credentialsSchema, optionsSchema } from './schemas';
export type { BranchCredentials, BranchOptions } from './schemas';
export { BRANCH_STANDARD_EVENTS } from './event-map';
export { DEVICE_ID_KEYS } from './user-data';
export { VERSION } from './version';
export default adapter;
