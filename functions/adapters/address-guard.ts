/**
 * Which addresses a fetch may reach. Anything that comes from feed content (article links,
 * redirects) must resolve to a public unicast address: never loopback, private, link-local
 * (169.254.169.254 is the cloud metadata service), CGNAT, multicast or reserved ranges.
 */
import ipaddr from 'ipaddr.js';
import { BlockedUrlError } from '../domain/errors.ts';

export function isBlockedAddress(ip: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(ip.replace(/^\[|\]$/g, ''));
  } catch {
    return true;
  }
  // ::ffff:10.0.0.1 and friends are judged by the IPv4 address inside.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') {
    // IETF protocol assignments and documentation ranges ipaddr.js calls unicast.
    if (parsed.kind() === 'ipv4') {
      const [a, b, c] = (parsed as ipaddr.IPv4).octets;
      if (a === 192 && b === 0 && c === 0) return true;
      if (a === 192 && b === 0 && c === 2) return true;
      if (a === 198 && b === 51 && c === 100) return true;
      if (a === 203 && b === 0 && c === 113) return true;
      if (a === 0) return true;
    }
    return false;
  }
  // Every other range ipaddr.js knows (private, loopback, linkLocal, multicast, reserved, 6to4, ...).
  return true;
}

export function assertPublicAddress(ip: string, url: string): void {
  if (isBlockedAddress(ip)) throw new BlockedUrlError(`blocked address ${ip} for ${safeHost(url)}`, url);
}

/** Only http(s), no credentials, a host present. */
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

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'invalid URL';
  }
}
