/**
 * The README's file map is the newcomer's first five minutes: it must name every folder of
 * functions/ and only files that exist, so a moved or added folder shows up here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '#tests/helpers/run-cli.ts';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const section = /## Architecture\n([\s\S]+?)\n## /.exec(readme)?.[1] ?? '';
/** Rows of the file map: folder and the files to read first in it. */
const rows = [...section.matchAll(/^\| `([^`]+\/)` \|[^|]*\| ([^|]*) \|$/gm)].map((m) => ({
  folder: m[1]!,
  readFirst: [...m[2]!.matchAll(/`([^`]+)`/g)].map((f) => f[1]!),
}));

describe("README's architecture section and file references", () => {
  it('has a file map', () => {
    expect(rows.length).toBeGreaterThan(10);
  });

  it('names every folder of functions/', () => {
    const folders = readdirSync(join(REPO_ROOT, 'functions')).filter((f) =>
      statSync(join(REPO_ROOT, 'functions', f)).isDirectory(),
    );
    expect(folders.length).toBeGreaterThan(10);
    const mapped = new Set(rows.map((r) => r.folder));
    expect(folders.filter((f) => !mapped.has(`functions/${f}/`))).toEqual([]);
  });

  it('names only folders and files that exist', () => {
    const missing = rows.flatMap(({ folder, readFirst }) =>
      [folder, ...readFirst.map((file) => join(folder, file))].filter((p) => !existsSync(join(REPO_ROOT, p))),
    );
    expect(missing).toEqual([]);
  });

  it('points anywhere in the README only at files that exist', () => {
    const paths = [...readme.matchAll(/`((?:functions|tests|scripts|bench|infra|templates)\/[^`\s]+)`/g)].map(
      (m) => m[1]!.replace(/[#:].*$/, ''),
    );
    expect(paths.length).toBeGreaterThan(20);
    expect([...new Set(paths)].filter((p) => !existsSync(join(REPO_ROOT, p)))).toEqual([]);
  });

  it('names the pipeline file that is read first', () => {
    expect(section).toContain('functions/run-digest.ts');
    expect(existsSync(join(REPO_ROOT, 'functions/run-digest.ts'))).toBe(true);
  });
});
