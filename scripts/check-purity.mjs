#!/usr/bin/env node
// npm run health: what dependency-cruiser cannot see because it is not an import. Outside
// adapters/, handlers/ and cli/ no module reads the environment, the process or the wall clock
// (time comes from the Clock port; performance.now() for durations is allowed).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const EDGE = /^functions\/(adapters|handlers|cli)\//;
const FORBIDDEN = [
  [/\bprocess\.(env|argv|exit|cwd|stdout|stderr|stdin)\b/, 'reads the process (pass it in from a handler)'],
  [/\bDate\.now\(\)/, 'reads the wall clock (use the Clock port)'],
  [/\bnew Date\(\s*\)/, 'reads the wall clock (use the Clock port)'],
];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

const problems = [];
for (const path of files(join(root, 'functions'))) {
  const rel = relative(root, path).split('\\').join('/');
  if (EDGE.test(rel)) continue;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (/^\s*(\/\/|\*)/.test(line)) return;
      for (const [pattern, why] of FORBIDDEN)
        if (pattern.test(line)) problems.push(`${rel}:${i + 1}: ${why}`);
    });
}
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
console.log('purity: no process, env or wall-clock reads outside adapters/, handlers/ and cli/');
