/** `briefing subscribers ...`: the operator's view of the list, on an output folder's private state. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '#tests/helpers/run-cli.ts';

describe('briefing subscribers', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'subs-cli-')), 'out');

  it('adds, confirms, lists, exports and removes', async () => {
    expect(
      (await runCli(['subscribers', 'add', 'A@Example.org', 'b@example.org', '--out', out])).stdout,
    ).toBe('a@example.org\tpending\nb@example.org\tpending\n');
    expect(
      (
        await runCli([
          'subscribers',
          'add',
          'c@example.org',
          '--confirmed',
          '--themes',
          'energy,military',
          '--out',
          out,
        ])
      ).stdout,
    ).toBe('c@example.org\tconfirmed\tenergy,military\n');
    expect((await runCli(['subscribers', 'confirm', 'a@example.org', '--out', out])).stdout).toBe(
      'a@example.org\tconfirmed\n',
    );
    const list = await runCli(['subscribers', 'list', '--status', 'confirmed', '--out', out]);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['a@example.org', 'c@example.org']);
    expect(list.stderr).toContain('2 shown; 1 pending, 2 confirmed, 0 unsubscribed');
    const csv = await runCli(['subscribers', 'export', '--out', out]);
    expect(csv.stdout.split('\n')[0]).toBe(
      'email,status,themes,createdAt,confirmedAt,updatedAt,consentMethod,consentAt',
    );
    expect(csv.stdout).toContain('"c@example.org","confirmed","energy military"');
    expect((await runCli(['subscribers', 'remove', 'b@example.org', '--out', out])).stdout).toBe(
      'b@example.org\tunsubscribed\n',
    );
    expect((await runCli(['subscribers', 'remove', 'c@example.org', '--purge', '--out', out])).stdout).toBe(
      'c@example.org\tdeleted\n',
    );
    const json = JSON.parse((await runCli(['subscribers', 'list', '--json', '--out', out])).stdout) as {
      email: string;
      status: string;
    }[];
    expect(json.map((s) => `${s.email}:${s.status}`)).toEqual([
      'a@example.org:confirmed',
      'b@example.org:unsubscribed',
    ]);
  }, 60_000);

  it('rejects bad input with one line', async () => {
    const bad = await runCli(['subscribers', 'add', 'not-an-email', '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('briefing: email: not a valid address');
    const unknown = await runCli(['subscribers', 'confirm', 'nobody@example.org', '--out', out]);
    expect(unknown.stderr).toContain('not on the list');
  });
});
