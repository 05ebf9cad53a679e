import { createHttpClient, type HttpClientOptions } from '#adapters/node-http-client.ts';

/**
 * The real HTTP client for tests that serve named hosts from 127.0.0.1: the test's host names
 * resolve to this machine only, and any other name fails as DNS would, so nothing reaches real DNS.
 */
export function testHostsClient(hosts: readonly string[], overrides: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: 'BriefingTest/1.0',
    connectTimeoutMs: 1000,
    timeoutMs: 3000,
    retries: 0,
    maxBytes: 1024 * 1024,
    concurrency: 8,
    perHost: 4,
    allowPrivateNetwork: true,
    resolve: async (host) => {
      if (hosts.includes(host)) return ['127.0.0.1'];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    },
    ...overrides,
  });
}
