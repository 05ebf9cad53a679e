/**
 * kill -9 of a real `briefing run` at points spread over the run (start-up, fetch, publish,
 * mail, state writes), each followed at once by a rerun. Whatever a killed run left behind
 * (half-taken locks, temporary files, an index written before its pages), the next run must
 * finish, and the stored state must read back whole: every state document valid, the archive
 * listing the edition once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DayFeedServer, startDayFeedServer } from '#tests/helpers/day-feed-server.ts';
import { REPO_ROOT, runCli } from '#tests/helpers/run-cli.ts';

let server: DayFeedServer;
beforeAll(async () => {
  server = await startDayFeedServer();
});
afterAll(() => server.close());

const BIN = join(REPO_ROOT, 'bin/briefing.mjs');

/** Starts a run and kills it with SIGKILL after `ms`; resolves once it is gone. */
function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a run killed with -9 and rerun at once', () => {
  it('always finishes on the rerun, with every stored document whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kill-run-'));
    const out = join(dir, 'out');
    const feeds = join(dir, 'feeds.json');
    writeFileSync(
      feeds,
      JSON.stringify([
        { name: 'Wire', url: `${server.base}/wire/2026-11-23` },
        { name: 'Quiet', url: `${server.base}/quiet/2026-11-23` },
      ]),
    );
    const args = [
      'run',
      '--feeds',
      feeds,
      '--out',
      out,
      '--now',
      '2026-11-23T07:00:00Z',
      '--allow-private-network',
      '--quiet',
    ];

    for (const ms of [800, 1500, 2200]) {
      await killAfter(args, ms);
      const rerun = await runCli(args);
      expect(rerun.stderr).not.toMatch(/stays locked|TypeError|SyntaxError/);
      expect(rerun.code, rerun.stderr).toBe(0);
    }

    for (const key of ['state/seen-items.json', 'state/source-health.json', 'runs/2026-11-23.json']) {
      expect(() => JSON.parse(readFileSync(join(out, 'state', key), 'utf8')), key).not.toThrow();
    }
    const index = JSON.parse(readFileSync(join(out, 'site', 'editions.json'), 'utf8')) as { id: string }[];
    expect(index.map((e) => e.id)).toEqual(['2026-11-23']);
    expect(existsSync(join(out, 'corrupt'))).toBe(false);
  }, 120_000);
});
