/**
 * The page reader's thread (see thread-page-reader.ts): reads each page it is sent and answers
 * with the reading, or with the error's message.
 */
import { parentPort } from 'node:worker_threads';
import { readPage } from '#extract/read-page.ts';

interface ReadRequest {
  id: number;
  body: Uint8Array;
  contentType?: string;
  url: string;
}

parentPort?.on('message', ({ id, body, contentType, url }: ReadRequest) => {
  try {
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const reading = readPage({ body: buffer, url, ...(contentType ? { contentType } : {}) });
    parentPort!.postMessage({ id, reading });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
