/**
 * A page as a stream of events, read once by htmlparser2's parser without building a tree:
 * an element opens (its name lower-cased, its attributes), text arrives, an element closes. The
 * parser reports a close for every open, implied or not (void elements close at once), so a sink
 * can keep its own stack. Extraction and metadata read the same stream in the same pass; a tree
 * would double the parse's cost and its garbage.
 */
import { Parser } from 'htmlparser2';

export interface MarkupSink {
  open(name: string, attrs: Record<string, string>): void;
  /** Decoded text; consecutive calls with nothing between them are one run of text. */
  text(data: string): void;
  close(): void;
  /** A comment or other non-element markup: it ends the current run of text. */
  interrupt(): void;
}

/** Elements and runs of text a sink reads at most: far above any real page (tens of thousands). */
export const MAX_EVENTS = 400_000;

/** Feeds the page to every sink, in document order; after MAX_EVENTS only closes are passed on. */
export function parseMarkup(html: string, sinks: readonly MarkupSink[]): void {
  let events = 0;
  let open = 0;
  let ignoredOpen = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++events > MAX_EVENTS) {
          ignoredOpen++;
          return;
        }
        open++;
        for (const sink of sinks) sink.open(name, attrs);
      },
      ontext(data) {
        if (++events > MAX_EVENTS) return;
        for (const sink of sinks) sink.text(data);
      },
      onclosetag() {
        // The closes of elements opened after the cap are not passed on: every sink sees pairs.
        if (ignoredOpen > 0) {
          ignoredOpen--;
          return;
        }
        if (open === 0) return;
        open--;
        for (const sink of sinks) sink.close();
      },
      oncomment() {
        for (const sink of sinks) sink.interrupt();
      },
      onprocessinginstruction() {
        for (const sink of sinks) sink.interrupt();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
}
