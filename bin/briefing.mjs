#!/usr/bin/env node
// Entry point for `npx briefing`: runs the TypeScript CLI through tsx's loader so a fresh
// clone needs no build step. The Lambda uses an esbuild bundle instead.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('#cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
