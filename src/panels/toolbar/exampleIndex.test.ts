import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExampleIndex } from './exampleIndex';

describe('readExampleIndex', () => {
  it('reads the shipped index, combined example first', () => {
    const json = JSON.parse(readFileSync('public/examples/index.json', 'utf8'));
    const entries = readExampleIndex(json);
    expect(entries.length).toBe(json.length);
    expect(entries[0]?.file).toBe('combined.json');
  });

  it('drops malformed entries and files outside the folder', () => {
    expect(
      readExampleIndex([
        { id: 'a', title: 'A', description: 'd', file: 'a.json' },
        { id: 'b', title: 'B', file: '../secret.json' },
        { id: 'c', title: 'C', file: 'https://evil.example/x.json' },
        { id: 'd', file: 'd.json' },
        { id: 'e', title: 'E', file: '.hidden.json' },
        null,
        'x',
        { id: 'f', title: 'F', file: 'f.json' },
      ]),
    ).toEqual([
      { id: 'a', title: 'A', description: 'd', file: 'a.json' },
      { id: 'f', title: 'F', description: '', file: 'f.json' },
    ]);
    expect(readExampleIndex({})).toEqual([]);
  });
});
