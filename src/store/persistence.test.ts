import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPlanLibrary, type PlanLibrary } from '../io/planLibrary';
import { decodeShareFragment, encodeShareFragment } from '../io/shareLink';
import { createEmptyPlan } from '../model/defaults';
import type { LoadResult } from '../model/types';
import { firewall, makePlan, server, site } from '../test/factories';
import { MemoryStorage } from '../test/memoryStorage';
import { EMPTY_LIBRARY } from './librarySlice';
import {
  AUTOSAVE_DELAY_MS,
  createPersistence,
  type Persistence,
  SHARE_LINK_REFUSED,
  SHARED_PLAN_OPENED,
  sharedPlanAlreadyListed,
  sharedPlanName,
} from './persistence';
import { chooseStartupPlan } from './startupPlan';
import { usePlanner } from './store';

const own = makePlan({ name: 'Own plan', sites: [site('s1')], nodes: [server('ex1', 's1')] });
const other = makePlan({ name: 'Shared one', nodes: [firewall('fw1'), firewall('fw2')] });
const example = makePlan({ name: 'Example', nodes: [firewall('fwx')] });
const exampleLoader = async (): Promise<LoadResult> => ({ ok: true, plan: example });

let storage: MemoryStorage;
let library: PlanLibrary;
let clock = 1000;

let created: Persistence[] = [];

function persistence(): Persistence {
  const p = createPersistence({ library, store: usePlanner });
  created.push(p);
  return p;
}

/** The store, whose library slice the persistence keeps. */
const shown = () => usePlanner.getState();

function undoSteps(): number {
  return usePlanner.temporal.getState().pastStates.length;
}

beforeEach(() => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  library = createPlanLibrary(storage, { now: () => clock++ });
  usePlanner.getState().setPlan(createEmptyPlan());
  usePlanner.getState().notify(null);
  usePlanner.setState(EMPTY_LIBRARY);
  usePlanner.temporal.getState().clear();
});
afterEach(() => {
  for (const p of created) p.stop();
  created = [];
  vi.useRealTimers();
});

describe('chooseStartupPlan', () => {
  it('opens the example on a first visit', () => {
    expect(chooseStartupPlan(library)).toEqual({ choice: { kind: 'example' }, problems: [] });
  });

  it('opens the plan that was open, at its view', () => {
    library.create(other);
    const { id } = library.create(own, { x: 5, y: 6, zoom: 0.5 });
    library.create(example);
    library.currentId = id;
    const decision = chooseStartupPlan(library);
    expect(decision.problems).toEqual([]);
    expect(decision.choice).toMatchObject({ kind: 'stored', id, view: { x: 5, y: 6, zoom: 0.5 } });
  });

  it('keeps a stored plan that no longer opens, says so, and opens the most recent one that does', () => {
    const good = library.create(other).id;
    const bad = library.create(own).id;
    library.currentId = bad;
    storage.items.set(`epp:v1:plan:${bad}`, '{"format":"exchange-port-plan","version":1,"nodes":7}');
    const decision = chooseStartupPlan(library);
    expect(decision.choice).toMatchObject({ kind: 'stored', id: good });
    expect(decision.problems[0]).toMatch(/^Your last plan "Own plan" could not be opened/);
    expect(storage.items.has(`epp:v1:plan:${bad}`)).toBe(true);
  });

  it('names a shared plan within the name limit', () => {
    expect(sharedPlanName('Benelux')).toBe('Benelux (shared)');
    expect(sharedPlanName('')).toBe('Untitled plan (shared)');
    expect(sharedPlanName('x'.repeat(120))).toHaveLength(120);
  });
});

describe('startup', () => {
  it('stores the first-visit example as a new plan, open, with no undo step before it', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    expect(usePlanner.getState().plan).toBe(example);
    expect(undoSteps()).toBe(0);
    const { openPlanId: currentId, storedPlans: plans } = shown();
    expect(plans.map((e) => e.name)).toEqual(['Example']);
    expect(library.currentId).toBe(currentId);
    expect(usePlanner.getState().takeOpenedView(example)).toBe('fit');
  });

  it('opens a share link as a new plan of the list and leaves the own plan as it was', async () => {
    const { id } = library.create(own);
    library.currentId = id;
    const ownText = storage.items.get(`epp:v1:plan:${id}`);
    const p = persistence();
    await p.start(`#${encodeShareFragment(other)}`, exampleLoader);
    expect(usePlanner.getState().plan.name).toBe('Shared one (shared)');
    expect(usePlanner.getState().notice?.kind).toBe('info');
    const { storedPlans: plans, openPlanId: currentId } = shown();
    expect(plans.map((e) => e.name).sort()).toEqual(['Own plan', 'Shared one (shared)']);
    expect(currentId).not.toBe(id);
    expect(storage.items.get(`epp:v1:plan:${id}`)).toBe(ownText);
    p.open(id);
    expect(usePlanner.getState().plan.name).toBe('Own plan');
  });

  it('refuses a damaged link without writing anything, and opens the own plan', async () => {
    const { id } = library.create(own, { x: 1, y: 2, zoom: 1.5 });
    library.currentId = id;
    const before = new Map(storage.items);
    const p = persistence();
    await p.start('#plan=1.AAAAAAAAAAAAAAAAAAAA', exampleLoader);
    expect(usePlanner.getState().notice?.kind).toBe('error');
    expect(usePlanner.getState().plan.name).toBe('Own plan');
    expect(usePlanner.getState().takeOpenedView(usePlanner.getState().plan)).toEqual({
      x: 1,
      y: 2,
      zoom: 1.5,
    });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(storage.items).toEqual(before);
  });
});

describe('share links', () => {
  it('opens a share link before the plan that was open', async () => {
    const { id } = library.create(own);
    library.currentId = id;
    const p = persistence();
    expect(await p.start(`#${encodeShareFragment(other)}`, exampleLoader)).toBe('shared');
    expect(usePlanner.getState().plan.name).toBe('Shared one (shared)');
    expect(usePlanner.getState().notice).toEqual({ kind: 'info', text: SHARED_PLAN_OPENED });
  });

  it('reports a damaged link and opens the plan that was open, at its view', async () => {
    const { id } = library.create(own, { x: 5, y: 6, zoom: 0.5 });
    library.currentId = id;
    const damaged = `#${encodeShareFragment(other).slice(0, -6)}`;
    const refusal = decodeShareFragment(damaged);
    const p = persistence();
    expect(await p.start(damaged, exampleLoader)).toBe('stored');
    const notice = usePlanner.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toMatch(/damaged or incomplete.*Your own plan is open as it was/);
    expect(notice?.text).toBe(`${refusal.ok ? '' : refusal.error} ${SHARE_LINK_REFUSED}`);
    expect(shown().openPlanId).toBe(id);
    expect(usePlanner.getState().takeOpenedView(usePlanner.getState().plan)).toEqual({
      x: 5,
      y: 6,
      zoom: 0.5,
    });
  });

  it('reports a damaged link and a last plan that no longer opens in one alert', async () => {
    const good = library.create(other).id;
    const bad = library.create(own).id;
    library.currentId = bad;
    storage.items.set(`epp:v1:plan:${bad}`, '{"format":"exchange-port-plan","version":1,"nodes":7}');
    const p = persistence();
    expect(await p.start('#plan=1.AAAAAAAAAAAAAAAAAAAA', exampleLoader)).toBe('stored');
    expect(usePlanner.getState().notice?.text).toMatch(
      /Your own plan is open as it was\. Your last plan "Own plan" could not be opened/,
    );
    expect(shown().openPlanId).toBe(good);
  });

  it('opens a link pasted while the planner is open as a new plan, with no undo step before it', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const exampleId = shown().openPlanId;
    usePlanner.getState().updateNode('fwx', { name: 'Typed just now' });
    expect(p.openShareLink(`#${encodeShareFragment(other)}`)).toBe(true);
    expect(usePlanner.getState().plan.name).toBe('Shared one (shared)');
    expect(usePlanner.getState().notice).toEqual({ kind: 'info', text: SHARED_PLAN_OPENED });
    expect(shown().openPlanId).not.toBe(exampleId);
    expect(undoSteps()).toBe(0);
    const kept = library.load(exampleId ?? '');
    expect(kept.ok && kept.plan.nodes[0]?.name).toBe('Typed just now');
  });

  it('opens the same link twice as one entry of the list: the second time opens the entry the first made', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const link = `#${encodeShareFragment(other)}`;
    expect(p.openShareLink(link)).toBe(true);
    const first = shown().openPlanId;
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    p.open(shown().storedPlans.find((e) => e.name === 'Example')?.id ?? '');
    expect(p.openShareLink(link)).toBe(true);
    expect(shown().openPlanId).toBe(first);
    expect(usePlanner.getState().plan.name).toBe('Shared one (shared)');
    expect(usePlanner.getState().notice).toEqual({
      kind: 'info',
      text: sharedPlanAlreadyListed('Shared one (shared)'),
    });
    expect(
      shown()
        .storedPlans.map((e) => e.name)
        .sort(),
    ).toEqual(['Example', 'Shared one (shared)']);
    // Opened while that entry is open: still one entry, still open.
    expect(p.openShareLink(link)).toBe(true);
    expect(shown().openPlanId).toBe(first);
    expect(shown().storedPlans).toHaveLength(2);
  });

  it("opens the link of the person's own plan beside it once, then that copy; the own plan is never taken for it", async () => {
    library.currentId = library.create(other).id;
    const p = persistence();
    await p.start('', exampleLoader);
    expect(usePlanner.getState().plan.name).toBe('Shared one');
    const link = `#${encodeShareFragment(other)}`;
    expect(p.openShareLink(link)).toBe(true);
    const copy = shown().openPlanId;
    expect(usePlanner.getState().plan.name).toBe('Shared one (shared)');
    expect(p.openShareLink(link)).toBe(true);
    expect(shown().openPlanId).toBe(copy);
    expect(
      shown()
        .storedPlans.map((e) => e.name)
        .sort(),
    ).toEqual(['Shared one', 'Shared one (shared)']);
  });

  it('adds a new entry when the listed copy was edited or renamed since, so nothing typed is lost', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const link = `#${encodeShareFragment(other)}`;
    p.openShareLink(link);
    const first = shown().openPlanId;
    usePlanner.getState().updateNode('fw1', { name: 'Edited after opening' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(p.openShareLink(link)).toBe(true);
    expect(shown().openPlanId).not.toBe(first);
    expect(usePlanner.getState().notice).toEqual({ kind: 'info', text: SHARED_PLAN_OPENED });
    const kept = library.load(first ?? '');
    expect(kept.ok && kept.plan.nodes[0]?.name).toBe('Edited after opening');
    // A plan of the same content under another name is another plan.
    library.create({ ...other, name: 'Something else' });
    const before = shown().storedPlans.length;
    p.openShareLink(link);
    expect(shown().storedPlans.length).toBe(before);
    expect(usePlanner.getState().plan.name).toBe('Shared one (shared)');
  });

  it('refuses a damaged pasted link with the same message and changes nothing', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    const before = new Map(storage.items);
    const plan = usePlanner.getState().plan;
    const damaged = '#plan=1.AAAAAAAAAAAAAAAAAAAA';
    const refusal = decodeShareFragment(damaged);
    expect(p.openShareLink(damaged)).toBe(false);
    expect(usePlanner.getState().notice).toEqual({
      kind: 'error',
      text: `${refusal.ok ? '' : refusal.error} ${SHARE_LINK_REFUSED}`,
    });
    expect(usePlanner.getState().plan).toBe(plan);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(storage.items).toEqual(before);
  });

  it('leaves a fragment that is no share link alone', async () => {
    const p = persistence();
    await p.start('#section-2', exampleLoader);
    expect(usePlanner.getState().notice).toBeNull();
    const plan = usePlanner.getState().plan;
    expect(p.openShareLink('#section-2')).toBe(false);
    expect(p.openShareLink('')).toBe(false);
    expect(usePlanner.getState().notice).toBeNull();
    expect(usePlanner.getState().plan).toBe(plan);
  });
});

describe('autosave', () => {
  async function started(): Promise<Persistence> {
    const p = persistence();
    await p.start('', exampleLoader);
    return p;
  }

  it('saves the plan a moment after an edit, once for a burst, and never for a selection', async () => {
    await started();
    const id = shown().openPlanId ?? '';
    const writes = storage.writes;
    usePlanner.getState().select(['fwx']);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 2);
    expect(storage.writes).toBe(writes);

    usePlanner.getState().updateNode('fwx', { name: 'FW-1' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS / 2);
    usePlanner.getState().updateNode('fwx', { name: 'FW-12' });
    expect(storage.writes).toBe(writes);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(storage.writes).toBe(writes + 2); // the plan and the list
    const stored = library.load(id);
    expect(stored.ok && stored.plan.nodes[0]?.name).toBe('FW-12');
    expect(storage.items.get(`epp:v1:plan:${id}`)).not.toContain('selection');
  });

  it('brings back the plan and the viewport after a reload', async () => {
    const p = await started();
    usePlanner.getState().renamePlan('Renamed');
    p.viewChanged({ x: -40, y: 12, zoom: 0.8 });
    p.flush();
    usePlanner.getState().setPlan(createEmptyPlan());

    const reloaded = persistence();
    await reloaded.start('', exampleLoader);
    const plan = usePlanner.getState().plan;
    expect(plan.name).toBe('Renamed');
    expect(usePlanner.getState().takeOpenedView(plan)).toEqual({ x: -40, y: 12, zoom: 0.8 });
    expect(shown().storedPlans).toHaveLength(1);
  });

  it('says when storage is full, keeps the plan in memory, and clears the warning once a save succeeds', async () => {
    await started();
    storage.full = true;
    usePlanner.getState().updateNode('fwx', { name: 'Kept in memory' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(shown().storageProblem?.error).toBe('quota');
    expect(usePlanner.getState().plan.nodes[0]?.name).toBe('Kept in memory');

    storage.full = false;
    usePlanner.getState().updateNode('fwx', { name: 'Saved again' });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(shown().storageProblem).toBeNull();
  });

  it('writes a pending save before another plan opens', async () => {
    const p = await started();
    const first = shown().openPlanId ?? '';
    usePlanner.getState().updateNode('fwx', { name: 'Typed just now' });
    p.newPlan();
    const stored = library.load(first);
    expect(stored.ok && stored.plan.nodes[0]?.name).toBe('Typed just now');
    expect(usePlanner.getState().plan.nodes).toEqual([]);
    expect(undoSteps()).toBe(0);
  });
});

describe('plan list', () => {
  it('renames the open plan through the store (one undo step) and another plan in storage', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const otherId = library.create(other).id;
    const id = shown().openPlanId ?? '';
    p.rename(id, 'Open and renamed');
    expect(usePlanner.getState().plan.name).toBe('Open and renamed');
    expect(undoSteps()).toBe(1);
    p.rename(otherId, 'Closed and renamed');
    expect(
      shown()
        .storedPlans.map((e) => e.name)
        .sort(),
    ).toEqual(['Closed and renamed', 'Open and renamed']);
  });

  it('deletes the open plan, opens the next, and puts it back on undo', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const otherId = library.create(other).id;
    const id = shown().openPlanId ?? '';
    const removed = p.remove(id);
    expect(removed).not.toBeNull();
    expect(shown().openPlanId).toBe(otherId);
    expect(usePlanner.getState().plan.name).toBe('Shared one');
    if (removed) p.restore(removed);
    expect(shown().openPlanId).toBe(id);
    expect(usePlanner.getState().plan.name).toBe('Example');
    expect(shown().storedPlans).toHaveLength(2);
  });

  it('opens a new empty plan when the last one is deleted, and drops it again when the delete is undone', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const removed = p.remove(shown().openPlanId ?? '');
    expect(usePlanner.getState().plan.nodes).toEqual([]);
    expect(shown().storedPlans).toHaveLength(1);
    if (removed) p.restore(removed);
    expect(shown().storedPlans.map((e) => e.name)).toEqual(['Example']);
  });

  it('duplicates a plan as "(copy)" without opening it', async () => {
    const p = persistence();
    await p.start('', exampleLoader);
    const id = shown().openPlanId ?? '';
    const copy = p.duplicate(id);
    expect(copy.ok).toBe(true);
    expect(shown().openPlanId).toBe(id);
    expect(
      shown()
        .storedPlans.map((e) => e.name)
        .sort(),
    ).toEqual(['Example', 'Example (copy)']);
  });
});
