export * from './fixtures';
export * from './mock-fetch';
export * from './run-adapter';
export * from './conformance';
export * from './parse-helpers';
export * from './simulator';
export * from './vendor-schema';
