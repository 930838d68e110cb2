import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { HeapCredentials, HeapOptions } from './schemas';
export { HEAP_API, VERSION } from './version';
export default adapter;
