#!/usr/bin/env node
// Issue 14's "nothing lost" check, as a command: `node scripts/kill-send.mjs [--repo DIR] [--kills N]`.
// Each round runs `briefing run --offline` of DIR (default: this checkout) with 8 fixed recipients
// at 4 mails/s into a fresh folder, kills it with SIGKILL once 3 sends are recorded, runs it again
// at once, and counts the recipients with no mail in the outbox afterwards (lost) and the claims
// the re-run reported pending. Nothing is written inside DIR.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const repo = resolve(option('--repo', join(fileURLToPath(import.meta.url), '../..')));
const kills = Number(option('--kills', '4'));
const recipients = Array.from({ length: 8 }, (_, i) => `kill-${i}@example.org`);

const sentRecords = (out) => {
  try {
    const root = join(out, '.state/sends');
    return readdirSync(root).flatMap((e) =>
      readdirSync(join(root, e)).filter((f) => {
        try {
          return f.endsWith('.json') && readFileSync(join(root, e, f), 'utf8').includes('"sent"');
        } catch {
          return false;
        }
      }),
    ).length;
  } catch {
    return 0;
  }
};

let lostTotal = 0;
for (let round = 1; round <= kills; round++) {
  const work = mkdtempSync(join(tmpdir(), 'kill-send-'));
  const out = join(work, 'out');
  writeFileSync(
    join(work, 'config.json'),
    JSON.stringify({ delivery: { recipients, sendRatePerSecond: 4 } }),
  );
  const args = [
    join(repo, 'bin/briefing.mjs'),
    'run',
    '--offline',
    '--config',
    join(work, 'config.json'),
    '--out',
    out,
    '--json',
    '--quiet',
  ];
  const child = spawn(process.execPath, args, { cwd: work, stdio: 'ignore' });
  const started = Date.now();
  while (sentRecords(out) < 3 && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const killedAfter = readdirSync(join(out, 'outbox')).filter((f) => f.endsWith('.eml')).length;
  const again = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8' });
  const delivery = JSON.parse(again.stdout || '{}').delivery ?? {};
  const mailed = readdirSync(join(out, 'outbox')).filter((f) => f.endsWith('.eml'));
  const lost = recipients.filter((r) => !mailed.some((f) => f.endsWith(`-${r}.eml`)));
  lostTotal += lost.length;
  console.log(
    `round ${round}: killed after ${killedAfter} mails; re-run: ${delivery.sent ?? '?'} sent, ${delivery.skipped ?? '?'} skipped, ${delivery.pending ?? 0} pending; lost: ${lost.length}${lost.length ? ` (${lost.join(', ')})` : ''}`,
  );
}
console.log(`${repo}: ${lostTotal} recipients lost in ${kills} kills`);
