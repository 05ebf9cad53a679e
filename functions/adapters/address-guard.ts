/**
 * Which addresses a fetch may reach. Anything that comes from feed content (article links,
 * redirects) must resolve to a public unicast address: never loopback, private, link-local
 * (169.254.169.254 is the cloud metadata service), CGNAT, multicast or reserved ranges, nor an
 * IPv6 form that smuggles one of those inside it.
 */
import ipaddr from 'ipaddr.js';
import { BlockedUrlError } from '#domain/errors.ts';

/** IPv4 blocks ipaddr.js calls plain unicast but which are not the public internet. */
const EXTRA_BLOCKED_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['198.18.0.0', 15], // benchmarking
  ['240.0.0.0', 4], // reserved, incl. broadcast
];

/** Global unicast IPv6 is 2000::/3; everything outside it is special-purpose or unallocated. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const NAT64_V6 = ipaddr.parseCIDR('64:ff9b::/96');

/** True when `ip` is not a public unicast address, or is not an address at all. */
export function isBlockedAddress(ip: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(ip.trim().replace(/^\[|\]$/g, ''));
  } catch {
    return true;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:10.0.0.1 is judged by the IPv4 address inside.
    if (v6.isIPv4MappedAddress()) return isBlockedIPv4(v6.toIPv4Address());
    // ::/96 holds ::, ::1 and the deprecated IPv4-compatible form (::7f00:1), which ipaddr.js calls unicast.
    if (v6.parts.slice(0, 6).every((part) => part === 0)) return true;
    // NAT64 (64:ff9b::/96) reaches the IPv4 address in its last 32 bits; judge that one.
    if (v6.match(NAT64_V6)) {
      const [, , , , , , high = 0, low = 0] = v6.parts;
      return isBlockedIPv4(new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]));
    }
    if (v6.range() !== 'unicast') return true;
    return !v6.match(GLOBAL_UNICAST_V6);
  }
  return isBlockedIPv4(parsed as ipaddr.IPv4);
}

function isBlockedIPv4(address: ipaddr.IPv4): boolean {
  // Every named range (private, loopback, linkLocal, carrierGradeNat, multicast, reserved, ...) is blocked.
  if (address.range() !== 'unicast') return true;
  return EXTRA_BLOCKED_V4.some(([base, bits]) => address.match(ipaddr.IPv4.parse(base), bits));
}

/** Throws BlockedUrlError naming the address (and the URL's host) when `ip` is not public. */
export function assertPublicAddress(ip: string, url?: string): void {
  if (!isBlockedAddress(ip)) return;
  const host = url === undefined ? undefined : URL.parse(url)?.host;
  throw new BlockedUrlError(`blocked address ${ip}${host ? ` for ${host}` : ''}`, url ?? ip);
}

/** Only http(s), no credentials, a host present. Returns the parsed URL. */
export function assertAllowedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BlockedUrlError('invalid URL', url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BlockedUrlError(`scheme ${parsed.protocol.replace(':', '')} is not allowed`, url);
  }
  if (parsed.username || parsed.password)
    throw new BlockedUrlError('credentials in URLs are not allowed', url);
  if (!parsed.hostname) throw new BlockedUrlError('URL without a host', url);
  return parsed;
}

/**
 * The client an address stands for, for per-client limits: an IPv4 address itself, an IPv6 one by
 * its /64 (one subscriber line; rotating within it must not buy fresh limits). Text that is not
 * an address is returned as given.
 */
export function clientNetworkOf(address: string): string {
  try {
    const parsed = ipaddr.parse(address.trim().replace(/^\[|\]$/g, ''));
    if (parsed.kind() === 'ipv4') return parsed.toString();
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
    return `${v6.parts
      .slice(0, 4)
      .map((p) => p.toString(16))
      .join(':')}::/64`;
  } catch {
    return address;
  }
}
