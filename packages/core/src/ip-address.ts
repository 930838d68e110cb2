const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * The address when it is a dotted-quad IPv4 address (trimmed), else `undefined`: for the platforms
 * whose APIs take IPv4 only (AppsFlyer's `ip`, Adjust's `ip_address`, Singular's `ip`), so an IPv6
 * address is left out instead of failing the event.
 */
export function ipv4Address(ip: string | undefined): string | undefined {
  const value = ip?.trim();
  return value !== undefined && IPV4.test(value) ? value : undefined;
}
