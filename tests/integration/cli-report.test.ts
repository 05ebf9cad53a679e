/** `briefing report` after a run whose mail went through the (in-process) send queue. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '#tests/helpers/run-cli.ts';

describe('briefing report', () => {
  it('counts what the senders did for an edition fanned out through the queue', async () => {
    const work = mkdtempSync(join(tmpdir(), 'report-'));
    const out = join(work, 'out');
    const recipients = ['a@example.org', 'b@example.org', 'c@example.org'];
    writeFileSync(
      join(work, 'config.json'),
      JSON.stringify({ delivery: { recipients, inlineSendLimit: 1, batchSize: 2, sendRatePerSecond: 100 } }),
    );
    const run = await runCli([
      'run',
      '--offline',
      '--config',
      join(work, 'config.json'),
      '--out',
      out,
      '--json',
      '--quiet',
    ]);
    expect(run.code).toBe(0);
    const { delivery, editionId } = JSON.parse(run.stdout);
    expect(delivery).toMatchObject({ mode: 'queued', recipients: 3, batches: 2, sent: 3, pending: 0 });

    const report = await runCli(['report', '--out', out]);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('3 recipients queued in 2 batches; 2 reported so far');
    expect(report.stdout).toContain('3 sent, 0 pending, 0 suppressed, 0 failed, 0 deferred');
    const json = JSON.parse((await runCli(['report', '--out', out, '--json'])).stdout);
    expect(json.sending).toMatchObject({ batches: 2, batchesReported: 2, sent: 3 });

    const missing = await runCli(['report', '--out', out, '--edition', '1999-01-01']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('briefing: --edition 1999-01-01: no run report');

    // A stored document of the wrong shape is named with its key and field, in one line.
    const batch = readdirSync(join(out, 'state/sends', editionId, 'batches'))[0]!;
    writeFileSync(join(out, 'state/sends', editionId, 'batches', batch), '{"editionId":"x"}');
    const partial = await runCli(['report', '--out', out]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('1 reported so far');
    expect(partial.stdout).toContain(`unreadable batch outcome: sends/${editionId}/batches/${batch}: batch:`);
    writeFileSync(join(out, `state/runs/${editionId}.json`), JSON.stringify({ editionId: 7 }));
    const corrupt = await runCli(['report', '--out', out, '--edition', editionId]);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr.trim()).toBe(
      `briefing: run report is corrupt: runs/${editionId}.json: editionId: Invalid input: expected string, received number`,
    );
  }, 60_000);
});
