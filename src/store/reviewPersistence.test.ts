import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlanLibrary, type PlanLibrary } from '../io/planLibrary';
import { encodeShareFragment } from '../io/shareLink';
import { createEmptyPlan } from '../model/defaults';
import type { LoadResult } from '../model/types';
import { firewall, makePlan, note } from '../test/factories';
import { MemoryStorage } from '../test/memoryStorage';
import { EMPTY_LIBRARY } from './librarySlice';
import { createPersistence, type Persistence, sharedPlanName } from './persistence';
import { usePlanner } from './store';

const reviewed = makePlan({ name: 'Edge', nodes: [firewall('fw1')] });
const edited = {
  ...reviewed,
  nodes: [firewall('fw1'), firewall('fw2')],
  notes: [note('n1', 'fw2', 'New firewall?')],
};
const example = async (): Promise<LoadResult> => ({ ok: true, plan: createEmptyPlan() });

let library: PlanLibrary;
let persistence: Persistence;

beforeEach(() => {
  vi.useFakeTimers();
  library = createPlanLibrary(new MemoryStorage());
  usePlanner.getState().setPlan(createEmptyPlan());
  usePlanner.setState({ ...EMPTY_LIBRARY, compared: null, baseline: null });
  persistence = createPersistence({ library, store: usePlanner });
});
afterEach(() => {
  persistence.stop();
  vi.useRealTimers();
});

describe('a share link with a review baseline', () => {
  it('opens as a new plan whose baseline it keeps, compared with that baseline', async () => {
    const fragment = `#${encodeShareFragment(edited, { plan: reviewed, reviewedAt: 5000 })}`;
    expect(await persistence.start(fragment, example)).toBe('shared');
    const state = usePlanner.getState();
    expect(state.plan.nodes.map((n) => n.id)).toEqual(['fw1', 'fw2']);
    expect(state.baseline?.reviewedAt).toBe(5000);
    expect(state.compared?.source).toBe('baseline');
    expect(state.compared?.plan.nodes.map((n) => n.id)).toEqual(['fw1']);
    // Kept beside the new entry, so the reviewer can come back to it.
    const id = state.openPlanId;
    if (!id) throw new Error('no open plan');
    expect(library.loadBaseline(id)).toEqual({
      reviewedAt: 5000,
      plan: { ...reviewed, name: sharedPlanName(reviewed.name) },
    });
  });

  it('opening another plan ends the comparison and loads that plan’s own baseline (none)', async () => {
    const own = library.create(makePlan({ name: 'Own' }));
    await persistence.start(`#${encodeShareFragment(edited, { plan: reviewed, reviewedAt: 5000 })}`, example);
    persistence.open(own.id);
    expect(usePlanner.getState().compared).toBeNull();
    expect(usePlanner.getState().baseline).toBeNull();
  });

  it('opened again, opens the entry it made and compares it with the same baseline; another baseline is another entry', async () => {
    const link = `#${encodeShareFragment(edited, { plan: reviewed, reviewedAt: 5000 })}`;
    await persistence.start(link, example);
    const first = usePlanner.getState().openPlanId;
    usePlanner.getState().stopCompare();
    expect(persistence.openShareLink(link)).toBe(true);
    expect(usePlanner.getState().openPlanId).toBe(first);
    expect(usePlanner.getState().compared?.source).toBe('baseline');
    expect(usePlanner.getState().compared?.plan.nodes.map((n) => n.id)).toEqual(['fw1']);
    expect(library.list()).toHaveLength(1);

    const later = `#${encodeShareFragment(edited, { plan: reviewed, reviewedAt: 6000 })}`;
    expect(persistence.openShareLink(later)).toBe(true);
    expect(usePlanner.getState().openPlanId).not.toBe(first);
    expect(library.list()).toHaveLength(2);
  });
});
