import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withLocalFiles } from '#adapters/local-file-http.ts';
import { readFeedsFile } from '#cli/feeds-file.ts';
import { BlockedUrlError, ConfigError } from '#domain/errors.ts';
import type { HttpClient } from '#ports/ports.ts';

function feedsFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'feeds-'));
  const path = join(dir, 'feeds.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const unreachable: HttpClient = {
  get: async () => {
    throw new Error('network must not be used');
  },
};

describe('readFeedsFile', () => {
  it('keeps http(s) URLs and resolves relative paths against the file', () => {
    const path = feedsFile([
      { name: 'Wire', url: 'http://127.0.0.1:9/feed.xml', perspective: 'wire' },
      { name: 'Local', url: 'feeds/local.xml' },
    ]);
    const { feeds, root } = readFeedsFile(path);
    expect(feeds[0]).toEqual({ name: 'Wire', url: 'http://127.0.0.1:9/feed.xml', perspective: 'wire' });
    expect(feeds[1]!.url).toBe(pathToFileURL(join(root, 'feeds/local.xml')).toString());
    expect(feeds[1]!.perspective).toBe('other');
  });

  it.each([
    ['not json', 'invalid JSON'],
    [[], 'expected at least one feed'],
    [[{ name: 'x' }], '[0].url'],
    [[{ name: 'x', url: 'ftp://example.org/feed' }], 'only http(s) URLs or relative paths'],
    [[{ name: 'x', url: 'a.xml', perspective: 'martian' }], '[0].perspective'],
  ])('rejects %j with one line', (content, message) => {
    const path = feedsFile(content);
    expect(() => readFeedsFile(path)).toThrowError(ConfigError);
    expect(() => readFeedsFile(path)).toThrowError(message);
  });

  it('reports a missing file', () => {
    expect(() => readFeedsFile('/nonexistent/feeds.json')).toThrowError('cannot read (ENOENT)');
  });
});

describe('withLocalFiles', () => {
  it('serves files in the folder to trusted requests only', async () => {
    const path = feedsFile([{ name: 'x', url: 'x.xml' }]);
    const root = join(path, '..');
    writeFileSync(join(root, 'x.xml'), '<rss version="2.0"><channel><title>t</title></channel></rss>');
    const http = withLocalFiles(unreachable, root);
    const url = pathToFileURL(join(root, 'x.xml')).toString();
    const response = await http.get({ url });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml');
    expect(response.body.toString()).toContain('<rss');
    await expect(http.get({ url, untrusted: true })).rejects.toBeInstanceOf(BlockedUrlError);
    await expect(http.get({ url: pathToFileURL('/etc/passwd').toString() })).rejects.toThrowError(
      'file outside the feeds file folder',
    );
    await expect(http.get({ url, maxBytes: 10 })).rejects.toThrowError('response larger than 10 bytes');
  });
});
