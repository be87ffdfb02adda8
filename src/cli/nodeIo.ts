import { open } from 'node:fs/promises';
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
 * Reads a plan file as UTF-8. The size is taken from the open file before any
 * content is read, so a huge file is refused without loading it into memory.
 */
export async function readFileWithLimit(path: string, maxBytes: number): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new Error(readErrorMessage(error));
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new Error('it is a directory, not a file');
    if (stats.size > maxBytes) {
      throw new Error(fileSizeMessage(stats.size));
    }
    // The size check above can be outrun by a file that grows; read at most one byte more to notice.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size, 0) + 1));
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new Error(`the file grew past ${maxBytes / BYTES_PER_MB} MB while it was read`);
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    throw new Error(readErrorMessage(error));
  } finally {
    await handle.close();
  }
}

/** The real process: files from disk, text to stdout and stderr. */
export const nodeCliIo: CliIo = {
  readFile: readFileWithLimit,
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  stdoutIsTerminal: process.stdout.isTTY === true,
};
