import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileWithLimit, readStreamWithLimit } from './nodeIo';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'matrix-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readFileWithLimit', () => {
  it('reads a file up to the limit as UTF-8', async () => {
    const path = join(dir, 'ok.json');
    await writeFile(path, '{"name":"Brüssel"}');
    expect(await readFileWithLimit(path, 19)).toBe('{"name":"Brüssel"}');
  });

  it('refuses a file over the limit, naming both sizes', async () => {
    const path = join(dir, 'big.json');
    await writeFile(path, '');
    await truncate(path, 5 * 1024 * 1024 + 1);
    await expect(readFileWithLimit(path, 5 * 1024 * 1024)).rejects.toThrow(
      'the plan file is 5,242,881 bytes; the limit is 5 MB (5,242,880 bytes)',
    );
  });

  it('says when the file does not exist', async () => {
    await expect(readFileWithLimit(join(dir, 'nope.json'), 100)).rejects.toThrow(/^no such file$/);
  });

  it('says when the path is a directory', async () => {
    await expect(readFileWithLimit(dir, 100)).rejects.toThrow('it is a directory, not a file');
  });
});

describe('readStreamWithLimit', () => {
  it('reads a stream in chunks, and refuses one past the limit', async () => {
    async function* chunks() {
      yield Buffer.from('{"a":');
      yield '1}';
    }
    expect(Buffer.from(await readStreamWithLimit(chunks(), 7)).toString()).toBe('{"a":1}');
    await expect(readStreamWithLimit(chunks(), 6)).rejects.toThrow('the limit is');
  });
});
