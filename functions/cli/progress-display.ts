/**
 * What a person sees during `briefing run`: on a terminal one live status line (stage, feeds
 * fetched of total, articles extracted), elsewhere one plain line per stage; then a summary.
 */
import type { Progress, ProgressEvent } from '#ports/ports.ts';

export interface ProgressDisplay extends Progress {
  /** Clears the live line before the summary is printed. */
  finish(): void;
}

export function createProgressDisplay(stream: NodeJS.WriteStream, enabled = true): ProgressDisplay {
  const live = enabled && stream.isTTY === true;
  const state = { stage: '', feeds: '', articles: '' };
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    const parts = [`stage: ${state.stage}`];
    if (state.feeds) parts.push(`feeds ${state.feeds}`);
    if (state.articles) parts.push(`articles ${state.articles}`);
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\x1b[2K${parts.join(' · ').slice(0, width)}`);
  };
  return {
    report(event: ProgressEvent) {
      if (!enabled) return;
      if (event.kind === 'stage') {
        state.stage = event.stage;
        if (live) draw(true);
        else stream.write(`stage: ${event.stage}\n`);
        return;
      }
      const text = `${event.done}/${event.total}`;
      if (event.kind === 'feeds') state.feeds = text;
      else state.articles = text;
      if (live) draw(event.done === event.total);
    },
    finish() {
      if (live) stream.write('\r\x1b[2K');
    },
  };
}
