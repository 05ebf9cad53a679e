/**
 * The deployed bundle is the tested one only if every esbuild option of
 * scripts/bundle-options.mjs reaches NodejsFunction: a new option that the construct does not map
 * (as `charset` once was not) fails here.
 */
import { describe, expect, it } from 'vitest';
import { BUNDLING } from '../../infra/constructs/briefing-function.ts';
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';

/** Each esbuild option and where the construct's props carry it. */
const MAPPED: Record<keyof typeof BUNDLE_OPTIONS, (b: typeof BUNDLING) => unknown> = {
  format: (b) => b.format,
  // NodejsFunction always bundles for Node.
  platform: () => 'node',
  target: (b) => b.target,
  minify: (b) => b.minify,
  sourcemap: (b) => b.sourceMap,
  sourcesContent: (b) => b.sourcesContent,
  charset: (b) => b.charset,
  mainFields: (b) => b.mainFields,
  external: (b) => b.externalModules,
  banner: (b) => b.banner,
  alias: (b) =>
    Object.fromEntries(b.esbuildArgs['--alias'].map((pair) => pair.split('=') as [string, string])),
};

describe('the CDK bundling props', () => {
  it('map every esbuild option the local build uses, with the same value', () => {
    expect(Object.keys(MAPPED).sort()).toEqual(Object.keys(BUNDLE_OPTIONS).sort());
    for (const [option, read] of Object.entries(MAPPED))
      expect(read(BUNDLING), option).toEqual(BUNDLE_OPTIONS[option as keyof typeof BUNDLE_OPTIONS]);
  });
});
