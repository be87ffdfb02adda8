import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import { client, link } from '../test/factories';
import { decodeSharedReview, decodeShareFragment, encodeShareFragment, packFragment } from './shareLink';

function combined(): Plan {
  const loaded = loadPlan(
    JSON.parse(readFileSync(new URL('../../public/examples/combined.json', import.meta.url), 'utf8')),
  );
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.plan;
}

/** The combined example after three edits: a server's address, a new client with its link, a review note. */
function threeEditsLater(baseline: Plan): Plan {
  return {
    ...baseline,
    nodes: [
      ...baseline.nodes.map((n) => (n.id === 'exd' ? { ...n, address: '10.1.0.11' } : n)),
      {
        ...client('home2', 'exd', { name: 'Home IMAP users', protocol: 'imap4' }),
        position: { x: 40, y: 600 },
      },
    ],
    links: [...baseline.links, link('fwe', 'home2', 'l-home2')],
    notes: [{ id: 'note1', about: 'fwe', text: 'Why is 1024-65535 open here?', resolved: false }],
  };
}

describe('a share link with a review baseline', () => {
  const baseline = combined();
  const plan = threeEditsLater(baseline);

  it('carries the baseline and its date back exactly', () => {
    const fragment = encodeShareFragment(plan, { plan: baseline, reviewedAt: 1_746_000_000_000 });
    const shared = decodeSharedReview(fragment);
    if (!shared.ok) throw new Error(shared.error);
    expect(shared.plan).toEqual(plan);
    expect(shared.baseline).toEqual({ plan: baseline, reviewedAt: 1_746_000_000_000 });
    // A reader that knows no baselines opens the plan alone.
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, plan });
  });

  it('is at most 1.3 times as long as the link without it, for three edits on the combined example', () => {
    const without = encodeShareFragment(plan);
    const withBaseline = encodeShareFragment(plan, { plan: baseline, reviewedAt: 1_746_000_000_000 });
    const ratio = withBaseline.length / without.length;
    console.info(
      `share link of the combined example: ${without.length} characters; with its review baseline three edits back: ${withBaseline.length} (${ratio.toFixed(2)}×)`,
    );
    expect(ratio).toBeLessThanOrEqual(1.3);
  });

  it('has no baseline when none was given', () => {
    const shared = decodeSharedReview(encodeShareFragment(plan));
    expect(shared.ok && shared.baseline).toBeNull();
  });

  it('refuses the whole link when the baseline is damaged, saying so', () => {
    const fragment = encodeShareFragment(plan, { plan: baseline, reviewedAt: 1 });
    const cut = fragment.slice(0, -6);
    const refused = decodeSharedReview(cut);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/damaged or incomplete \(its review baseline: /);
    const undated = `${encodeShareFragment(plan)}&review=${packFragment({ delta: null }).slice(5)}`;
    expect(
      !decodeSharedReview(undated).ok && (decodeSharedReview(undated) as { error: string }).error,
    ).toMatch(/review baseline has no date/);
    const outside = `${encodeShareFragment(plan)}&review=${packFragment({ at: 1, delta: { p: [[99, { v: 1 }]] } }).slice(5)}`;
    expect((decodeSharedReview(outside) as { error: string }).error).toMatch(/names no item of the list/);
    const invalid = `${encodeShareFragment(plan)}&review=${packFragment({ at: 1, delta: { v: ['x', [['s1'], 5]] } }).slice(5)}`;
    expect((decodeSharedReview(invalid) as { ok: boolean }).ok).toBe(false);
  });
});
