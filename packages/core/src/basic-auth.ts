/** An HTTP Basic `authorization` header value for `username:password` (RFC 7617, UTF-8). */
export const basicAuthorization = (username: string, password = ''): string =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
