import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { IterableCredentials, IterableOptions } from './schemas';
export { ITERABLE_API, VERSION } from './version';
export default adapter;
