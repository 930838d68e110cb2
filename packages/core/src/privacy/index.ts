export * from './fields';
export * from './schema';
export * from './pseudonymize';
export * from './restricted-processing';
export * from './apply-policy';
export * from './deliver-policy';
