/**
 * The Lambda bundles swap two modules (scripts/bundle-options.mjs): one ES build of `entities`
 * for rss-parser's require() of it, and a stub that throws for xml2js's XML writer. Feed parsing
 * bundled with those options must read every feed exactly as the source does, including the
 * documents that make rss-parser call the writer (text made of child elements or attributes alone).
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeHTML } from 'entities';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '#ingest/parse-feed.ts';
import { REPO_ROOT } from '#tests/helpers/run-cli.ts';
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';

type Bundled = { parseFeed: typeof parseFeed; decodeHTML: typeof decodeHTML };

const FEEDS_DIR = join(REPO_ROOT, 'tests/fixtures/feeds');
const NOW = new Date('2026-11-25T12:00:00Z');

const atom = (entry: string) =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Test</title>` +
  `<link href="https://news.example.org/"/><entry><title>Putin and Xi meet</title><id>urn:x:1</id>` +
  `<link href="https://news.example.org/a"/><updated>2026-11-24T07:00:00Z</updated>${entry}</entry></feed>`;

/** Documents on which rss-parser calls xml2js's writer, which the bundle replaces by a throw. */
const WRITER_CASES: [string, string][] = [
  [
    'Atom xhtml content',
    atom(
      '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Talks in Beijing.</p></div></content>',
    ),
  ],
  [
    'Atom content given by reference',
    atom('<content type="text/html" src="https://news.example.org/a.html"/>'),
  ],
  [
    'Atom summary of attributes alone',
    atom('<summary type="html"/><content type="html">Talks &lt;b&gt;in&lt;/b&gt; Beijing.</content>'),
  ],
  [
    'RSS description with unescaped markup',
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example.org/</link>' +
      '<item><title>Gas deal</title><link>https://news.example.org/b</link><pubDate>Tue, 24 Nov 2026 07:00:00 GMT</pubDate>' +
      '<description><p>Power of Siberia <b>2</b> talks.</p></description></item></channel></rss>',
  ],
];

describe('feed parsing bundled with the Lambda options', () => {
  let bundled: Bundled;
  let inputs: string[];

  beforeAll(async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'bundle-subst-')), 'parse.mjs');
    const result = await build({
      ...BUNDLE_OPTIONS,
      metafile: true,
      stdin: {
        contents: "export { parseFeed } from '#ingest/parse-feed.ts'; export { decodeHTML } from 'entities';",
        resolveDir: REPO_ROOT,
        loader: 'ts',
      },
      outfile,
      bundle: true,
      banner: { js: BUNDLE_OPTIONS.banner },
      logLevel: 'error',
    });
    inputs = Object.keys(result.metafile.inputs);
    bundled = (await import(pathToFileURL(outfile).href)) as Bundled;
  });

  it.each(readdirSync(FEEDS_DIR).filter((f) => /\.(xml|json)$/.test(f)))(
    'reads fixture %s as the source does',
    async (file) => {
      const body = readFileSync(join(FEEDS_DIR, file));
      const options = { url: `https://feeds.example.org/${file}`, now: NOW };

      const [expected, actual] = await Promise.allSettled([
        parseFeed(body, options),
        bundled.parseFeed(body, options),
      ]);

      expect(actual).toEqual(expected);
    },
  );

  it.each(WRITER_CASES)('reads %s as the source does', async (_, xml) => {
    const options = { url: 'https://news.example.org/feed', now: NOW };

    const expected = await parseFeed(xml, options);
    const actual = await bundled.parseFeed(xml, options);

    expect(actual).toEqual(expected);
    expect(actual.items).toHaveLength(1);
  });

  it('bundles the stub in place of xmlbuilder and one build of entities', () => {
    expect(inputs).toContain('scripts/stubs/xmlbuilder.cjs');
    expect(inputs.filter((f) => f.includes('node_modules/xmlbuilder/'))).toEqual([]);
    expect(inputs.filter((f) => /node_modules\/(.+\/)?entities\/dist\/commonjs/.test(f))).toEqual([]);
    expect(inputs.filter((f) => /node_modules\/(.+\/)?entities\//.test(f)).length).toBeGreaterThan(0);
  });

  it('decodes entities with the one bundled copy as rss-parser and html-to-text expect', () => {
    const text = '&amp; &eacute;&nbsp;&#x41;&copy &lt;b&gt;';

    expect(bundled.decodeHTML(text)).toBe(decodeHTML(text));
  });
});
