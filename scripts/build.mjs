#!/usr/bin/env node
// `npm run build`: bundles each Lambda handler exactly as infra/ does (the shared options of
// bundle-options.mjs) into dist/<handler>/index.mjs with templates/ beside it, and prints sizes.
// Tests import the built digest bundle and check it against a size budget.
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HANDLERS = ['digest', 'sender', 'subscribe-api', 'ses-events'];

export async function buildHandlers(outRoot = join(root, 'dist')) {
  const sizes = {};
  for (const name of HANDLERS) {
    const outdir = join(outRoot, name);
    rmSync(outdir, { recursive: true, force: true });
    mkdirSync(outdir, { recursive: true });
    await build({
      ...BUNDLE_OPTIONS,
      entryPoints: [join(root, 'functions/handlers', `${name}.ts`)],
      outfile: join(outdir, 'index.mjs'),
      bundle: true,
      banner: { js: BUNDLE_OPTIONS.banner },
      logLevel: 'warning',
    });
    cpSync(join(root, 'templates'), join(outdir, 'templates'), { recursive: true });
    // The archive's search runs MiniSearch in the browser; the bundle has no node_modules to copy it from.
    mkdirSync(join(outdir, 'templates/site/vendor'), { recursive: true });
    cpSync(
      join(root, 'node_modules/minisearch/dist/umd/index.js'),
      join(outdir, 'templates/site/vendor/minisearch.js'),
    );
    sizes[name] = statSync(join(outdir, 'index.mjs')).size;
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = await buildHandlers();
  for (const [name, size] of Object.entries(sizes))
    console.log(`dist/${name}/index.mjs  ${(size / 1024).toFixed(0)} KiB`);
}
