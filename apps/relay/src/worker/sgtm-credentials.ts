/** The columns of a `sgtm_configs` row the sgtm adapter needs. */
export interface SgtmConfigRow {
  sgtmUrl: string;
  clientType: string;
  containerId: string | null;
  measurementId: string | null;
  apiSecretEncrypted: string | null;
  customEndpointPath: string | null;
  customHeadersEncrypted: string | null;
}

/**
 * A storefront's sGTM config as `@relay/adapter-sgtm` credentials: the secret columns are
 * decrypted with `open` (the host's Fernet), empty columns are left out so the adapter's
 * defaults apply (custom path `/events`, no headers). The adapter validates the result.
 */
export function sgtmCredentialsOf(
  row: SgtmConfigRow,
  open: (sealed: string) => unknown,
): Record<string, unknown> {
  const credentials: Record<string, unknown> = { sgtm_url: row.sgtmUrl, client_type: row.clientType };
  if (row.containerId) credentials.container_id = row.containerId;
  if (row.measurementId) credentials.measurement_id = row.measurementId;
  if (row.apiSecretEncrypted) credentials.api_secret = open(row.apiSecretEncrypted);
  if (row.customEndpointPath) credentials.custom_endpoint_path = row.customEndpointPath;
  if (row.customHeadersEncrypted) credentials.custom_headers = open(row.customHeadersEncrypted);
  return credentials;
}
