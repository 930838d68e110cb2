/** Version of the adapter spec this core implements. */
export const ADAPTER_SPEC_VERSION = 'v1' as const;
