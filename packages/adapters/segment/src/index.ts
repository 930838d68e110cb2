import { adapter } from './adapter';

export { adapter };
export { credentialsSchema, optionsSchema, SEGMENT_HOSTS } from './schemas';
export type { SegmentCredentials, SegmentOptions } from './schemas';
export { VERSION, SEGMENT_API_VERSION } from './version';
export default adapter;
