import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isEmptyPlan } from '../model/defaults';
import { loadFirstVisitExample } from './firstVisitExample';

const combined = new URL('../../public/examples/combined.json', import.meta.url);

function fakeFetch(status: number, body: string): typeof fetch {
  return (async (url: string | URL | Request) => {
    if (!String(url).endsWith('examples/combined.json')) throw new Error(`unexpected ${String(url)}`);
    return new Response(body, { status });
  }) as typeof fetch;
}

describe('loadFirstVisitExample', () => {
  it('opens the combined example on a first visit', async () => {
    const text = await readFile(combined, 'utf8');
    const result = await loadFirstVisitExample(fakeFetch(200, text));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.name).toBe('Contoso Benelux');
      expect(isEmptyPlan(result.plan)).toBe(false);
    }
  });

  it('says why when the example cannot be fetched or read', async () => {
    expect(await loadFirstVisitExample(fakeFetch(404, ''))).toEqual({
      ok: false,
      error: 'could not open the example plan (HTTP 404)',
    });
    const broken = await loadFirstVisitExample(fakeFetch(200, '{"format":"something else"}'));
    expect(broken.ok).toBe(false);
    const offline = await loadFirstVisitExample((async () => {
      throw new Error('offline');
    }) as typeof fetch);
    expect(offline).toEqual({ ok: false, error: 'could not open the example plan: offline' });
  });
});
