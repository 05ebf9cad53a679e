/** The streams a command reads and writes: the process's in the CLI, captured ones in tests. */
import { BriefingError } from '#domain/errors.ts';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Reads all of stdin (capped) for the stdin-driven commands. */
export async function readStdin(stream: NodeJS.ReadableStream, maxBytes = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBytes) throw new BriefingError(`input larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
