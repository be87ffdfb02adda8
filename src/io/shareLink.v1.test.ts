/**
 * Share links made by the release that wrote plan format version 1
 * (`#plan=1.…`, compact form 1). The fragments in fixtures/v1-share-links.json
 * were encoded by that release, with the plan that release opened from each; they
 * must keep opening, as that plan migrated to version 2.
 */
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../model/load';
import type { Plan } from '../model/types';
import links from './fixtures/v1-share-links.json';
import { decodeShareFragment, encodeShareFragment } from './shareLink';

const migrated = (document: unknown): Plan => {
  const result = loadPlan(document);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
};

describe('a share link of plan format version 1', () => {
  it.each(Object.entries(links))(
    '%s opens as the plan the version 1 release opened, migrated',
    (_name, link) => {
      expect(link.fragment.startsWith('plan=1.')).toBe(true);
      expect(link.opened.version).toBe(1);
      const decoded = decodeShareFragment(link.fragment);
      expect(decoded).toEqual({ ok: true, plan: migrated(link.opened) });
    },
  );

  it.each(Object.entries(links))('%s, shared again, is a version 2 link of the same plan', (_name, link) => {
    const decoded = decodeShareFragment(`https://planner.example/#${link.fragment}`);
    if (!decoded.ok) throw new Error(decoded.error);
    const again = encodeShareFragment(decoded.plan);
    expect(again.startsWith('plan=2.')).toBe(true);
    expect(decodeShareFragment(again)).toEqual(decoded);
  });

  it('turns the site connector of the full fixture into one between the sites of its servers', () => {
    const decoded = decodeShareFragment(links['v1-full'].fragment);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(decoded.plan.connectors[1]).toEqual({
      id: 'k2',
      type: 'site',
      name: 'AMS-UTR site connector',
      a: 'ams',
      b: 'utr',
      bridgeheadA: 'ex1',
      targetsA: ['ex3'],
      bridgeheadB: 'ex3',
      targetsB: ['ex1'],
    });
  });
});
