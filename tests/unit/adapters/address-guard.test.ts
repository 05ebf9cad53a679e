import { describe, expect, it } from 'vitest';
import {
  assertAllowedUrl,
  assertPublicAddress,
  clientNetworkOf,
  isBlockedAddress,
} from '#adapters/address-guard.ts';
import { BlockedUrlError } from '#domain/errors.ts';

describe('isBlockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback, end of range'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12, end'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'cloud metadata (link-local)'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT, end'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network"'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast (SSDP)'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.10', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.9', 'TEST-NET-3'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fd00::1', 'IPv6 unique local'],
    ['fc00::1', 'IPv6 unique local, fc00'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with a zone'],
    ['fec0::1', 'IPv6 site-local (deprecated)'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata address'],
    ['[::ffff:192.168.0.1]', 'bracketed IPv4-mapped private'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback, hex form'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata address'],
    ['2002:a00:1::', '6to4'],
    ['2001::1', 'Teredo'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['100::1', 'IPv6 discard'],
    ['4000::1', 'IPv6 outside global unicast'],
    ['not-an-ip', 'not an address'],
    ['', 'empty'],
    ['example.org', 'a host name, not an address'],
  ])('blocks %s (%s)', (ip) => {
    expect(isBlockedAddress(ip)).toBe(true);
  });

  it.each([
    ['93.184.216.34'],
    ['1.1.1.1'],
    ['8.8.8.8'],
    ['100.63.255.255'],
    ['100.128.0.1'],
    ['172.32.0.1'],
    ['192.169.0.1'],
    ['2606:4700:4700::1111'],
    ['2a00:1450:4001:81b::200e'],
    ['::ffff:93.184.216.34'],
    ['64:ff9b::5db8:d822'],
  ])('lets public %s pass', (ip) => {
    expect(isBlockedAddress(ip)).toBe(false);
  });
});

describe('assertPublicAddress', () => {
  it('names the address and the host in a one-line error', () => {
    const call = () => assertPublicAddress('10.0.0.5', 'http://intranet.example.org/x');
    expect(call).toThrowError(BlockedUrlError);
    expect(call).toThrowError(/^blocked address 10\.0\.0\.5 for intranet\.example\.org$/);
    expect(() => assertPublicAddress('169.254.169.254')).toThrowError('blocked address 169.254.169.254');
  });

  it('is silent for a public address', () => {
    expect(() => assertPublicAddress('1.1.1.1', 'https://one.example/')).not.toThrow();
  });
});

describe('assertAllowedUrl', () => {
  it.each([
    ['file:///etc/passwd', 'scheme file is not allowed'],
    ['ftp://example.org/feed.xml', 'scheme ftp is not allowed'],
    ['gopher://example.org/', 'scheme gopher is not allowed'],
    ['javascript:alert(1)', 'scheme javascript is not allowed'],
    ['data:text/html,hi', 'scheme data is not allowed'],
    ['http://user:secret@example.org/', 'credentials in URLs are not allowed'],
    ['https://token@example.org/', 'credentials in URLs are not allowed'],
    ['not a url', 'invalid URL'],
    ['/relative/path', 'invalid URL'],
  ])('refuses %s', (url, message) => {
    expect(() => assertAllowedUrl(url)).toThrowError(message);
    expect(() => assertAllowedUrl(url)).toThrowError(BlockedUrlError);
  });

  it.each([
    ['http://example.org/feed.xml', 'example.org'],
    ['https://EXAMPLE.org:8443/a?b=c', 'example.org'],
    ['http://[2606:4700::1]/', '[2606:4700::1]'],
  ])('accepts %s', (url, hostname) => {
    expect(assertAllowedUrl(url).hostname).toBe(hostname);
  });
});

describe('clientNetworkOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::9]', '2001:db8:1:2::/64'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['not an address', 'not an address'],
  ])('%s -> %s', (address, network) => {
    expect(clientNetworkOf(address)).toBe(network);
  });
});
