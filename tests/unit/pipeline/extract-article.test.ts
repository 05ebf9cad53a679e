import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../../functions/pipeline/decode-text.ts';
import { extractArticle } from '../../../functions/pipeline/extract-article.ts';
import { REPO_ROOT } from '../../helpers/run-cli.ts';

const SAMPLE = join(REPO_ROOT, 'tests/fixtures/sample-day/articles');
const read = (path: string) =>
  readFileSync(join(SAMPLE, path), 'utf8').replaceAll('__SAMPLE_BASE__', 'https://sample.example');

const NOISE = [
  'You may also like',
  'Click to comment',
  'Notify of',
  'We use cookies',
  'Sign up for our daily newsletter',
  'Share:',
  'Celebrity chef',
  'Most popular',
  'All rights reserved',
  'Photo: a file image',
  'reader42',
];

describe('extractArticle on the three page layouts of the sample day', () => {
  it.each([
    [
      'meridian/power-of-siberia-2-price-stall.html',
      'Power of Siberia 2 talks stall over gas price, sources say',
      'Mikhail Orlov',
    ],
    [
      'courier/joint-patrol-defence-ministry.html',
      'Russian and Chinese navies complete joint patrol in Pacific',
      undefined,
    ],
    [
      'capital/joint-patrol-japan-scrambles.html',
      'Japan scrambles jets as Russian and Chinese bombers patrol near its airspace',
      undefined,
    ],
  ])('%s', (path, title, byline) => {
    const article = extractArticle(read(path), 'https://sample.example/x');
    expect(article.title).toBe(title);
    if (byline) expect(article.byline).toBe(byline);
    expect(article.published).toMatch(/^2026-11-2\dT/);
    expect(article.canonicalUrl).toBe(`https://sample.example/articles/${path}`);
    expect(article.language).toBe('en');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    for (const noise of NOISE) expect(article.text).not.toContain(noise);
  });

  it('reads a windows-1251 Russian page once decoded', () => {
    const raw = readFileSync(join(SAMPLE, 'vestnik/putin-si-peregovory.html'));
    const article = extractArticle(decodeDocument(raw, 'text/html'), 'https://sample.example/ru');
    expect(article.language).toBe('ru');
    expect(article.title).toBe('Путин и Си Цзиньпин провели переговоры по видеосвязи');
    expect(article.text).toContain('Стороны обсудили долгосрочные поставки нефти');
  });

  it('reads a Chinese page', () => {
    const article = extractArticle(
      decodeDocument(readFileSync(join(SAMPLE, 'ribao/xi-putin-shipin-huiwu.html'))),
      'https://sample.example/zh',
    );
    expect(article.language).toBe('zh');
    expect(article.text).toContain('中俄新时代全面战略协作伙伴关系');
  });

  it('reads metadata from JSON-LD', () => {
    const html = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Ld headline","datePublished":"2026-11-20T08:00:00+03:00","author":[{"@type":"Person","name":"Ivan Petrov"}],"articleBody":"${'A long body sentence for the article. '.repeat(30)}"}]}</script></head><body><p>short</p></body></html>`;
    const article = extractArticle(html, 'https://x.example/a');
    expect(article).toMatchObject({
      title: 'Ld headline',
      byline: 'Ivan Petrov',
      published: '2026-11-20T05:00:00.000Z',
    });
    expect(article.text).toContain('A long body sentence');
  });
});

describe('extractArticle on hostile input', () => {
  it('survives 20,000 nested elements and scripts without running or keeping them', () => {
    const deep = `${'<div>'.repeat(20_000)}<p>Deep text about the summit, with commas, and more commas, to score.</p>${'</div>'.repeat(20_000)}`;
    const html = `<html><body onload="alert(1)"><script>alert('x')</script><img src=x onerror=alert(2)>${deep}<p>Kremlin and Beijing officials met on Monday, officials said, and agreed to talk again.</p></body></html>`;
    const article = extractArticle(html, 'https://x.example/a');
    expect(article.text).not.toContain('alert');
    expect(typeof article.text).toBe('string');
  });

  it('keeps the seed documents’ noise lines out of the body', () => {
    const seedNoise = [
      'You May Also Like',
      'Click to comment',
      'Notify of',
      'Inline Feedbacks',
      'View all comments',
      'Table of Contents',
      'top of page',
      'bottom of page',
      'by Admin 47 views',
      'Connect with us',
    ];
    const body = [
      'Xi Jinping welcomed Vladimir Putin with a red carpet reception in Beijing, marking the start of a two-day state visit.',
      ...seedNoise,
      'The joint statement outlined plans to boost bilateral trade, including the development of a port and new energy deals.',
      'While the visit reinforced the strong ties, it also underscored the limits of the partnership, analysts said.',
    ];
    const html = `<html><body><main><article>${body.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
    const article = extractArticle(html, 'https://x.example/a');
    for (const noise of seedNoise) expect(article.text.split('\n\n')).not.toContain(noise);
    expect(article.text).toContain('red carpet reception');
    expect(article.text).toContain('limits of the partnership');
  });

  it('never throws on broken markup or legacy bytes', () => {
    const broken = iconv.encode(
      '<html><body><p>Незакрытый абзац <b>жирный <i>курсив</p></div></span><p>второй',
      'koi8-r',
    );
    const article = extractArticle(
      decodeDocument(broken, 'text/html; charset=koi8-r'),
      'https://x.example/a',
    );
    expect(article.text).toContain('Незакрытый абзац');
  });
});
