/**
 * Lets a feeds file name local files: file: URLs inside one folder are read from disk, and only
 * for operator-configured (trusted) requests; everything else goes to the real client.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlockedUrlError, HttpError, ResponseTooLargeError } from '#domain/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '#ports/ports.ts';

const TYPES: Record<string, string> = {
  '.json': 'application/feed+json',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.html': 'text/html',
};

export function withLocalFiles(inner: HttpClient, root: string): HttpClient {
  return {
    async get(request: HttpRequest): Promise<HttpResponse> {
      if (!request.url.startsWith('file:')) return inner.get(request);
      if (request.untrusted)
        throw new BlockedUrlError('file: URLs are not allowed in feed content', request.url);
      const path = fileURLToPath(request.url);
      const rel = relative(root, path);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw new BlockedUrlError('file outside the feeds file folder', request.url);
      }
      let body: Buffer;
      try {
        body = await readFile(path);
      } catch (error) {
        throw new HttpError(
          `cannot read ${rel} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
          request.url,
        );
      }
      if (request.maxBytes !== undefined && body.length > request.maxBytes) {
        throw new ResponseTooLargeError(`response larger than ${request.maxBytes} bytes`, request.url);
      }
      const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
      return {
        url: request.url,
        status: 200,
        headers: { 'content-type': TYPES[ext] ?? 'application/octet-stream' },
        body,
        notModified: false,
      };
    },
  };
}
