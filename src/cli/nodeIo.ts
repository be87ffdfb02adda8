import { open } from 'node:fs/promises';
import { decodePlanBytes } from '../io/textDecoding';
import { fileSizeMessage } from '../model/load';
import type { CliIo } from './runMatrix';

const BYTES_PER_MB = 1024 * 1024;

/** Turns Node's error codes into words a user reads. */
function readErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The bytes of a plan file, at most `maxBytes`. A regular file's size is
 * taken before any content is read, so a huge file is refused without loading
 * it; a pipe, a terminal or `/dev/stdin` has no size and no positions
 * (reading at an offset fails with ESPIPE), so it is read as a stream from
 * where it stands, and refused as soon as it passes the limit.
 */
export async function readBytesWithLimit(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new Error(readErrorMessage(error));
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new Error('it is a directory, not a file');
    const regular = stats.isFile();
    if (regular && stats.size > maxBytes) throw new Error(fileSizeMessage(stats.size));
    // The size check above can be outrun by a file that grows; read at most one byte more to notice.
    const chunks: Buffer[] = [];
    let length = 0;
    const chunkSize = regular ? Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1) : 64 * 1024;
    while (length <= maxBytes) {
      const buffer = Buffer.alloc(Math.min(chunkSize, maxBytes + 1 - length));
      // A null position reads on from where the stream stands: the one way a pipe can be read.
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, regular ? length : null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new Error(
        regular
          ? `the file grew past ${maxBytes / BYTES_PER_MB} MB while it was read`
          : `the plan is more than ${maxBytes / BYTES_PER_MB} MB; the limit is ${maxBytes / BYTES_PER_MB} MB`,
      );
    }
    return new Uint8Array(Buffer.concat(chunks, length));
  } catch (error) {
    throw new Error(readErrorMessage(error));
  } finally {
    await handle.close();
  }
}

/**
 * Names of standard input. It is read from the process's own stream: opening
 * /dev/stdin again fails when standard input is a socket (as a parent process
 * that pipes in often makes it), with ENXIO.
 */
const STANDARD_INPUT = new Set(['-', '/dev/stdin']);

/** All of a stream's bytes, refused as soon as they pass `maxBytes`. */
export async function readStreamWithLimit(
  stream: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    length += bytes.length;
    if (length > maxBytes) {
      throw new Error(
        `the plan is more than ${maxBytes / BYTES_PER_MB} MB; the limit is ${maxBytes / BYTES_PER_MB} MB`,
      );
    }
    chunks.push(bytes);
  }
  return new Uint8Array(Buffer.concat(chunks, length));
}

/**
 * Reads a plan file (standard input as `-` or `/dev/stdin`, a pipe) as text, decoded exactly as the planner
 * decodes an imported file (`decodePlanBytes`: byte-order marks, UTF-16, a
 * clear refusal of anything else).
 */
export async function readFileWithLimit(path: string, maxBytes: number): Promise<string> {
  const bytes = STANDARD_INPUT.has(path)
    ? await readStreamWithLimit(process.stdin, maxBytes)
    : await readBytesWithLimit(path, maxBytes);
  const decoded = decodePlanBytes(bytes);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.text;
}

/** The real process: files from disk, text to stdout and stderr. */
export const nodeCliIo: CliIo = {
  readFile: readFileWithLimit,
  // A pipe takes text as fast as its reader reads it; past its buffer, wait for it to drain.
  stdout: (text) =>
    process.stdout.write(text) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve)),
  stderr: (text) => {
    process.stderr.write(text);
  },
  stdoutIsTerminal: process.stdout.isTTY === true,
};
