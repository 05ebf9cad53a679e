/**
 * `briefing report`: an edition's run report (runs/<id>.json in the private state) with, when
 * its mail went through the send queue, what the senders have done so far (the batches'
 * outcomes): sent, pending, suppressed, failed, deferred, and the batches not yet reported.
 */
import { resolve } from 'node:path';
import { createFolderStore } from '#adapters/folder-store.ts';
import { summariseDelivery } from '#deliver/delivery-records.ts';
import { BriefingError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import * as z from '#domain/zod.ts';
import type { Store } from '#ports/ports.ts';
import { parseStoredJson } from '#state/stored-json.ts';
import { openDataBucket } from '../deployed-stack.ts';
import type { CliIo } from '../io.ts';
import { openLocalLayout } from '../local-deps.ts';
import type { TargetOptions } from './subscribers-command.ts';

const count = z.optional(z.number());
/**
 * What the command reads of a run report (state/run-report.ts writes it), every field but the id
 * optional so that reports of older runs still read; a report of the wrong shape is refused with
 * one line naming the key and the field.
 */
const RunReportViewSchema = z.object({
  editionId: z.string(),
  generatedAt: z.optional(z.string()),
  stats: z.optional(z.object({ itemsSeen: count, itemsRelevant: count, stories: count, durationMs: count })),
  failedSources: z.optional(z.array(z.object({ name: z.string(), error: z.optional(z.string()) }))),
  delivery: z.optional(
    z.object({
      mode: z.optional(z.enum(['inline', 'queued'])),
      recipients: count,
      batches: count,
      sent: count,
      skipped: count,
      pending: count,
      suppressed: count,
      failed: count,
      deferred: count,
      note: z.optional(z.string()),
    }),
  ),
});

export async function runReport(
  options: TargetOptions & { edition?: string; json?: boolean },
  io: CliIo,
): Promise<void> {
  const data: Store =
    options.stack || options.bucket
      ? await openDataBucket(options)
      : createFolderStore(
          openLocalLayout(resolve(options.out), (line) => io.stderr.write(`${line}\n`)).state,
        );
  const id = options.edition ?? (await latestRun(data));
  const object = await data.get(dataKeys.runReport(id));
  if (!object) throw new BriefingError(`--edition ${id}: no run report`);
  const parsed = parseStoredJson(dataKeys.runReport(id), object.body, RunReportViewSchema);
  if (!parsed.ok) throw new BriefingError(`run report is corrupt: ${parsed.problem}`);
  const report = parsed.value;
  const delivery = report.delivery;
  const sending =
    delivery?.mode === 'queued' ? await summariseDelivery(data, id, delivery.batches ?? 0) : undefined;
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ ...report, ...(sending ? { sending } : {}) }, null, 2)}\n`);
    return;
  }
  const lines = [`Edition ${report.editionId} (run at ${report.generatedAt ?? 'unknown time'})`];
  const s = report.stats ?? {};
  lines.push(
    `  items         ${s.itemsSeen ?? 0} seen, ${s.itemsRelevant ?? 0} relevant, ${s.stories ?? 0} stories`,
  );
  lines.push(`  sources       ${report.failedSources?.length ?? 0} failed`);
  for (const f of report.failedSources ?? [])
    lines.push(`    failed: ${f.name}: ${f.error ?? 'unknown error'}`);
  if (sending) {
    lines.push(
      `  mail          ${delivery?.recipients ?? sending.recipients} recipients queued in ${sending.batches} batches; ${sending.batchesReported} reported so far`,
    );
    lines.push(
      `                ${sending.sent} sent, ${sending.pending} pending, ${sending.suppressed} suppressed, ${sending.failed} failed, ${sending.deferred} deferred`,
    );
    for (const f of sending.failures.slice(0, 10)) lines.push(`    ${f.email}: ${f.error}`);
    for (const problem of sending.unreadable) lines.push(`    unreadable batch outcome: ${problem}`);
  } else if (delivery) {
    lines.push(
      `  mail          ${delivery.sent ?? 0} sent, ${delivery.skipped ?? 0} already sent, ${delivery.pending ?? 0} pending, ${delivery.suppressed ?? 0} suppressed, ${delivery.failed ?? 0} failed${delivery.note ? ` (${delivery.note})` : ''}`,
    );
  }
  io.stdout.write(`${lines.join('\n')}\n`);
}

async function latestRun(data: Store): Promise<string> {
  const keys = (await data.list('runs/')).filter((k) => k.endsWith('.json'));
  const last = keys.sort().at(-1);
  if (!last) throw new BriefingError('no run reports yet');
  return last.slice('runs/'.length, -'.json'.length);
}
