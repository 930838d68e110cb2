/**
 * Heap publishes no error codes for the Track API: a 400 names the bad parameter in its body and
 * is rejected with it (core's default table); 429 and 5xx retry. Nothing overrides the HTTP
 * status, so the adapter has no error table (`errors`) and parse-response.ts reads the status.
 */
export {};
