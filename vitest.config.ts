import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // s3rver (the local S3 used by integration tests) needs it for paginated listings on Node 20+.
    execArgv: ['--openssl-legacy-provider'],
  },
});
