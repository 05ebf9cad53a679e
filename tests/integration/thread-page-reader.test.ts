/** Pages read on a worker thread read exactly as on the fetching thread. */
import { afterAll, describe, expect, it } from 'vitest';
import { createThreadPageReader } from '#adapters/thread-page-reader.ts';
import { readPage } from '#extract/read-page.ts';

const PAGE = `<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>Переговоры</title></head><body><nav><a href="/">Главная</a></nav><article><h1>Переговоры</h1>${'<p>Президенты России и Китая обсудили поставки газа и торговлю в национальных валютах.</p>'.repeat(6)}<p>Подпишитесь, чтобы читать дальше.</p></article></body></html>`;
const body = Buffer.from(new TextEncoder().encode(PAGE)); // UTF-8 bytes under a windows-1251 meta
const reader = createThreadPageReader();
afterAll(() => reader.close());

describe('createThreadPageReader', () => {
  it('reads a page as readPage does in process', async () => {
    const page = { body, contentType: 'text/html; charset=utf-8', url: 'https://example.ru/a' };
    expect(await reader.read(page)).toEqual(readPage(page));
  });

  it('reads pages sent together, each to its own answer', async () => {
    const pages = [1, 2, 3].map((n) => ({ body, url: `https://example.ru/${n}` }));
    const readings = await Promise.all(pages.map((page) => reader.read(page)));
    expect(readings.map((r) => r.article.url)).toEqual(pages.map((p) => p.url));
    expect(readings).toEqual(pages.map((page) => readPage(page)));
  });

  it('rejects reads once the thread is gone, rather than leaving them waiting', async () => {
    const closed = createThreadPageReader();
    await closed.close();
    await expect(closed.read({ body, url: 'https://example.ru/a' })).rejects.toThrow(/page reader thread/);
  });
});
