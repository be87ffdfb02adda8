import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlanLibrary, type PlanLibrary } from '../io/planLibrary';
import { encodePlan, planKey } from '../io/planLibraryEntries';
import { createEmptyPlan } from '../model/defaults';
import type { LoadResult, Plan } from '../model/types';
import { firewall, makePlan, server, site } from '../test/factories';
import { MemoryStorage } from '../test/memoryStorage';
import { EMPTY_LIBRARY } from './librarySlice';
import { keptCopyName } from './otherTabs';
import { AUTOSAVE_DELAY_MS, createPersistence, type Persistence } from './persistence';
import { usePlanner } from './store';

const own = makePlan({ name: 'Benelux', sites: [site('s1')], nodes: [server('ex1', 's1')] });
const noExample = async (): Promise<LoadResult> => ({ ok: false, error: 'no example here' });

let storage: MemoryStorage;
let library: PlanLibrary;
/** The other tab: the same storage, its own library. */
let otherTab: PlanLibrary;
let p: Persistence;
let id: string;

/** What the other tab's write looks like to this tab: the key and its new value. */
function otherTabSaves(plan: Plan): void {
  otherTab.save(id, plan);
  p.storageChanged(planKey(id), storage.getItem(planKey(id)));
}

const stored = (key: string) => library.load(key);
const state = () => usePlanner.getState();

beforeEach(async () => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  library = createPlanLibrary(storage);
  otherTab = createPlanLibrary(storage);
  usePlanner.getState().setPlan(createEmptyPlan());
  usePlanner.getState().notify(null);
  usePlanner.setState(EMPTY_LIBRARY);
  id = library.create(own).id;
  library.currentId = id;
  p = createPersistence({ library, store: usePlanner });
  await p.start('', noExample);
});
afterEach(() => {
  p.stop();
  vi.useRealTimers();
});

describe('a plan open in two tabs', () => {
  it('tells this tab when the other saves the open plan, and writes nothing over it', () => {
    otherTabSaves({ ...own, name: 'Benelux renamed' });
    expect(state().otherTabChange).toEqual({ id, name: 'Benelux renamed', deleted: false });
    // This tab goes on editing: its autosave does not replace the other tab's version.
    state().setPlan({ ...state().plan, nodes: [...state().plan.nodes, firewall('fw9')] });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    p.flush();
    const after = stored(id);
    expect(after.ok && after.plan.name).toBe('Benelux renamed');
    expect(after.ok && after.plan.nodes.map((n) => n.id)).toEqual(['ex1']);
  });

  it('keeps this tab version as a copy: both edits are in the list', () => {
    otherTabSaves({ ...own, name: 'Benelux renamed' });
    state().setPlan({ ...state().plan, nodes: [...state().plan.nodes, firewall('fw9')] });
    p.keepMineAsCopy();
    expect(state().otherTabChange).toBeNull();
    const copyId = state().openPlanId;
    expect(copyId).not.toBe(id);
    const copy = stored(copyId ?? '');
    expect(copy.ok && copy.plan.name).toBe('Benelux (this tab)');
    expect(copy.ok && copy.plan.nodes.map((n) => n.id)).toEqual(['ex1', 'fw9']);
    const theirs = stored(id);
    expect(theirs.ok && theirs.plan.name).toBe('Benelux renamed');
    expect(
      state()
        .storedPlans.map((e) => e.name)
        .sort(),
    ).toEqual(['Benelux (this tab)', 'Benelux renamed']);
    // From now on this tab saves its copy as usual.
    state().setPlan({ ...state().plan, name: 'Mine' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    const saved = stored(copyId ?? '');
    expect(saved.ok && saved.plan.name).toBe('Mine');
  });

  it('opens the other tab version on request', () => {
    otherTabSaves({ ...own, name: 'Benelux renamed' });
    state().setPlan({ ...state().plan, nodes: [...state().plan.nodes, firewall('fw9')] });
    p.openOtherTabVersion();
    expect(state().otherTabChange).toBeNull();
    expect(state().openPlanId).toBe(id);
    expect(state().plan.name).toBe('Benelux renamed');
    expect(state().plan.nodes.map((n) => n.id)).toEqual(['ex1']);
  });

  it('says when the other tab deleted the open plan, and keeps this one only as a copy', () => {
    otherTab.remove(id);
    p.storageChanged(planKey(id), null);
    expect(state().otherTabChange).toEqual({ id, name: '', deleted: true });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(storage.getItem(planKey(id))).toBeNull();
    p.keepMineAsCopy();
    expect(state().storedPlans.map((e) => e.name)).toEqual(['Benelux (this tab)']);
  });

  it('needs no choice when the other tab saved the same document, or another plan', () => {
    p.storageChanged(planKey(id), encodePlan(state().plan));
    expect(state().otherTabChange).toBeNull();
    const second = otherTab.create(makePlan({ name: 'Elsewhere' }));
    p.storageChanged(planKey(second.id), storage.getItem(planKey(second.id)));
    p.storageChanged('epp:v1:index', storage.getItem('epp:v1:index'));
    expect(state().otherTabChange).toBeNull();
    expect(state().storedPlans.map((e) => e.name)).toContain('Elsewhere');
  });

  it('keeps a copy name within the name limit', () => {
    expect(keptCopyName('')).toBe('Untitled plan (this tab)');
    expect(keptCopyName('x'.repeat(120))).toHaveLength(120);
  });
});
