import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { StackadaptCredentials, StackadaptOptions } from './schemas';
export { conversionQuery } from './build-requests';
export { VERSION, STACKADAPT_API_VERSION } from './version';
export default adapter;
