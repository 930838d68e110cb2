import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema } from './schemas';
export type { MparticleCredentials, MparticleOptions } from './schemas';
export { VERSION } from './version';
export default adapter;
