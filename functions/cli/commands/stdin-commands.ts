/** The stdin-to-stdout tools of CONTRACTS.md: classify, extract, parse-feed. */
import { classifyItem } from '#analyse/classify-relevance.ts';
import { describeZodError, InvalidInputError } from '#domain/errors.ts';
import * as z from '#domain/zod.ts';
import { extractArticle } from '#extract/extract-article.ts';
import { parseFeed } from '#ingest/parse-feed.ts';
import { decodeDocument } from '#text/charset.ts';
import { type CliIo, readStdin } from '../io.ts';

const ClassifyItemSchema = z.object({
  id: z.union([z.string(), z.number()]),
  title: z.string(),
  summary: z.nullish(z.string()),
  text: z.nullish(z.string()),
  url: z.nullish(z.string()),
  source: z.nullish(z.string()),
  published: z.nullish(z.string()),
});

/**
 * Classifies every valid line and writes its result in input order; a bad line is named by its
 * number on stderr and the command exits non-zero once all the good lines are out.
 */
export async function runClassify(io: CliIo): Promise<void> {
  const lines = (await readStdin(io.stdin)).toString('utf8').split(/\r?\n/);
  const out: string[] = [];
  const problems: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const item = parseClassifyLine(line, index + 1);
    if (typeof item === 'string') {
      problems.push(item);
      continue;
    }
    const result = classifyItem({
      title: item.title,
      summary: item.summary ?? undefined,
      text: item.text ?? undefined,
      url: item.url ?? undefined,
      source: item.source ?? undefined,
    });
    out.push(
      JSON.stringify({
        id: item.id,
        relevant: result.relevant,
        score: result.score,
        themes: result.themes,
        reasons: result.reasons,
      }),
    );
  }
  io.stdout.write(out.length ? `${out.join('\n')}\n` : '');
  for (const problem of problems) io.stderr.write(`briefing classify: ${problem}\n`);
  if (problems.length > 0) {
    throw new InvalidInputError(
      `${problems.length} of ${problems.length + out.length} lines not classified (see above); the other ${out.length} were`,
    );
  }
}

function parseClassifyLine(line: string, number: number): z.infer<typeof ClassifyItemSchema> | string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return `line ${number}: invalid JSON`;
  }
  const parsed = ClassifyItemSchema.safeParse(json);
  return parsed.success ? parsed.data : describeZodError(parsed.error, `line ${number}`);
}

export async function runExtract(io: CliIo, url: string): Promise<void> {
  if (!/^https?:\/\//i.test(url)) throw new InvalidInputError('--url: expected an http(s) URL');
  const body = await readStdin(io.stdin);
  if (body.length === 0) throw new InvalidInputError('stdin: expected an HTML page, got nothing');
  const article = extractArticle(decodeDocument(body), url);
  const { title, byline, published, canonicalUrl, language, text } = article;
  io.stdout.write(`${JSON.stringify({ title, byline, published, canonicalUrl, language, text }, null, 2)}\n`);
}

export async function runParseFeed(
  io: CliIo,
  options: { contentType?: string; url?: string },
): Promise<void> {
  const body = await readStdin(io.stdin);
  const feed = await parseFeed(body, { contentType: options.contentType, url: options.url });
  const items = feed.items.map((i) => ({
    id: i.id,
    title: i.title,
    link: i.link,
    published: i.published,
    summary: i.summary,
    author: i.author,
    categories: i.categories.length ? i.categories : undefined,
    language: i.language,
  }));
  io.stdout.write(
    `${JSON.stringify({ title: feed.title, link: feed.link, language: feed.language, items }, null, 2)}\n`,
  );
}
