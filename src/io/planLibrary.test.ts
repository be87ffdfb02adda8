import { beforeEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../model/defaults';
import { loadPlan } from '../model/load';
import { serializePlan } from '../model/serialize';
import type { Plan } from '../model/types';
import { client, link, makePlan as makeFactoryPlan, server } from '../test/factories';
import { MemoryStorage } from '../test/memoryStorage';
import { createPlanLibrary, type PlanLibrary, type StorageLike } from './planLibrary';

/** A plan of the given parts with every version 2 default filled in, as the planner holds it. */
const makePlan = (parts: Parameters<typeof makeFactoryPlan>[0] = {}) => withDefaults(makeFactoryPlan(parts));

/** Storage that holds at most `capacity` characters, as browsers refuse a write past their quota. */
class FullStorage extends MemoryStorage {
  constructor(public capacity: number) {
    super();
  }
  override setItem(key: string, value: string) {
    let used = value.length + key.length;
    for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
    if (used > this.capacity) {
      // What browsers throw: a DOMException named QuotaExceededError.
      throw Object.assign(new Error('The quota has been exceeded.'), {
        name: 'QuotaExceededError',
        code: 22,
      });
    }
    super.setItem(key, value);
  }
}

/** Storage that throws on every access, like localStorage with site data blocked. */
const blockedStorage: StorageLike = {
  get length(): number {
    throw new Error('SecurityError');
  },
  key() {
    throw new Error('SecurityError');
  },
  getItem() {
    throw new Error('SecurityError');
  },
  setItem() {
    throw new Error('SecurityError');
  },
  removeItem() {
    throw new Error('SecurityError');
  },
};

const planA = makePlan({
  name: 'Amsterdam',
  nodes: [server('ex1', 'ams'), client('c1', 'ex1')],
  links: [link('c1', 'ex1')],
});
const planB = makePlan({ name: 'Brussels', nodes: [server('exb', 'bru')] });

function loadedPlan(library: PlanLibrary, id: string): Plan {
  const result = library.load(id);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe('plan library', () => {
  let storage: MemoryStorage;
  let clock: number;
  let ids: number;
  let library: PlanLibrary;

  beforeEach(() => {
    storage = new MemoryStorage();
    clock = 1000;
    ids = 0;
    library = createPlanLibrary(storage, { now: () => clock++, newId: () => `p${++ids}` });
  });

  it('starts empty', () => {
    expect(library.list()).toEqual([]);
    expect(library.currentId).toBeNull();
  });

  it('creates, lists (most recent first) and loads plans', () => {
    expect(library.create(planA)).toEqual({ ok: true, id: 'p1' });
    expect(library.create(planB)).toEqual({ ok: true, id: 'p2' });
    expect(library.list()).toEqual([
      { id: 'p2', name: 'Brussels', updatedAt: 1001 },
      { id: 'p1', name: 'Amsterdam', updatedAt: 1000 },
    ]);
    expect(loadedPlan(library, 'p1')).toEqual(planA);
    expect(library.save('p1', { ...planA, name: 'Amsterdam 2' })).toEqual({ ok: true });
    expect(library.list().map((e) => [e.id, e.name])).toEqual([
      ['p1', 'Amsterdam 2'],
      ['p2', 'Brussels'],
    ]);
  });

  it('stores only the plan document and the view, under versioned keys', () => {
    const { id } = library.create(planA, { x: 10, y: -20, zoom: 1.5 });
    library.currentId = id;
    expect([...storage.items.keys()].sort()).toEqual([
      'epp:v1:current',
      'epp:v1:index',
      'epp:v1:plan:p1',
      'epp:v1:view:p1',
    ]);
    const stored = storage.getItem('epp:v1:plan:p1') ?? '';
    expect(JSON.parse(stored)).toEqual(JSON.parse(serializePlan(planA)));
    expect(stored).not.toContain('\n');
    expect(JSON.parse(storage.getItem('epp:v1:view:p1') ?? '')).toEqual({ x: 10, y: -20, zoom: 1.5 });
  });

  it('remembers the open plan and its viewport across a reload', () => {
    const { id } = library.create(planA);
    library.currentId = id;
    expect(library.saveView(id, { x: 5, y: 6, zoom: 0.75 })).toEqual({ ok: true });
    const reloaded = createPlanLibrary(storage);
    expect(reloaded.currentId).toBe(id);
    expect(loadedPlan(reloaded, id)).toEqual(planA);
    expect(reloaded.loadView(id)).toEqual({ x: 5, y: 6, zoom: 0.75 });
  });

  it('has no view for a plan without one or with a damaged one', () => {
    const { id } = library.create(planA);
    expect(library.loadView(id)).toBeNull();
    storage.setItem(`epp:v1:view:${id}`, '{"x":1,"y":2,"zoom":0}');
    expect(library.loadView(id)).toBeNull();
    storage.setItem(`epp:v1:view:${id}`, 'not json');
    expect(library.loadView(id)).toBeNull();
    storage.setItem(`epp:v1:view:${id}`, '{"x":1e308,"y":0,"zoom":1}');
    expect(library.loadView(id)).toBeNull();
    storage.setItem(`epp:v1:view:${id}`, '{"x":0,"y":-1e300,"zoom":1}');
    expect(library.loadView(id)).toBeNull();
  });

  it('brings a tampered zoom into the canvas range, so the plan still shows', () => {
    const { id } = library.create(planA);
    storage.setItem(`epp:v1:view:${id}`, '{"x":10,"y":20,"zoom":1e-300}');
    expect(library.loadView(id)).toEqual({ x: 10, y: 20, zoom: 0.05 });
    storage.setItem(`epp:v1:view:${id}`, '{"x":10,"y":20,"zoom":1e300}');
    expect(library.loadView(id)).toEqual({ x: 10, y: 20, zoom: 2.5 });
  });

  it('forgets a current id whose plan is gone', () => {
    library.currentId = 'ghost';
    expect(library.currentId).toBeNull();
  });

  it('refuses a damaged stored plan with a message instead of crashing', () => {
    const { id } = library.create(planA);
    storage.setItem(`epp:v1:plan:${id}`, '{"format":"exchange-port-plan","version":1,"sites":[],"nodes":[{}');
    const result = library.load(id);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^The stored plan cannot be opened: not valid JSON/),
    });
    storage.setItem(
      `epp:v1:plan:${id}`,
      JSON.stringify({ ...JSON.parse(serializePlan(planA)), links: [{ id: 'x' }] }),
    );
    expect(library.load(id)).toEqual({ ok: false, error: expect.stringContaining('links[0].a') });
  });

  it('says so when a plan is not stored', () => {
    expect(library.load('nope')).toEqual({ ok: false, error: 'There is no stored plan with id "nope".' });
    expect(library.rename('nope', 'x')).toMatchObject({ ok: false, error: 'missing' });
    expect(library.duplicate('nope')).toMatchObject({ ok: false, error: 'missing' });
    expect(library.remove('nope')).toMatchObject({ ok: false, error: 'missing' });
  });

  it('renames a stored plan, in the list and in the plan itself', () => {
    const { id } = library.create(planA);
    expect(library.rename(id, 'Head office')).toEqual({ ok: true });
    expect(library.list()[0]?.name).toBe('Head office');
    expect(loadedPlan(library, id)).toEqual({ ...planA, name: 'Head office' });
    expect(library.rename(id, 'x'.repeat(121))).toMatchObject({ ok: false, error: 'invalid' });
    expect(loadedPlan(library, id).name).toBe('Head office');
  });

  it('duplicates a plan with its view under a new id', () => {
    const { id } = library.create(planA, { x: 1, y: 2, zoom: 2 });
    const copy = library.duplicate(id);
    expect(copy).toEqual({ ok: true, id: 'p2' });
    expect(loadedPlan(library, 'p2')).toEqual({ ...planA, name: 'Amsterdam (copy)' });
    expect(library.loadView('p2')).toEqual({ x: 1, y: 2, zoom: 2 });
    expect(loadedPlan(library, id)).toEqual(planA);
    const unnamed = library.create({ ...planA, name: '' });
    library.duplicate(unnamed.id);
    expect(library.list()[0]?.name).toBe('Untitled plan (copy)');
  });

  it('never reuses the id of a stored plan', () => {
    const sameIds = createPlanLibrary(storage, { newId: () => (ids++ < 3 ? 'p1' : `q${ids}`) });
    library.create(planA);
    expect(sameIds.create(planB).id).not.toBe('p1');
    expect(loadedPlan(library, 'p1')).toEqual(planA);
  });

  it('removes a plan and restores it on undo', () => {
    const { id } = library.create(planA, { x: 1, y: 2, zoom: 1 });
    library.create(planB);
    library.currentId = id;
    const before = library.list();
    const removal = library.remove(id);
    if (!removal.ok) throw new Error(removal.message);
    expect(library.list().map((e) => e.id)).toEqual(['p2']);
    expect(library.load(id).ok).toBe(false);
    expect(library.currentId).toBeNull();
    expect([...storage.items.keys()].filter((k) => k.includes(id))).toEqual([]);

    expect(library.restore(removal.removed)).toEqual({ ok: true });
    expect(library.list()).toEqual(before);
    expect(loadedPlan(library, id)).toEqual(planA);
    expect(library.loadView(id)).toEqual({ x: 1, y: 2, zoom: 1 });
    expect(library.currentId).toBe(id);
  });

  it('rebuilds the list from the stored plans when the index is damaged or behind', () => {
    library.create(planA);
    library.create(planB);
    storage.setItem('epp:v1:index', '{oops');
    expect(library.list()).toEqual([
      { id: 'p1', name: 'Amsterdam', updatedAt: 0 },
      { id: 'p2', name: 'Brussels', updatedAt: 0 },
    ]);
    storage.setItem('epp:v1:index', JSON.stringify([{ id: 'gone', name: 'Gone', updatedAt: 5 }, 7]));
    expect(library.list().map((e) => e.id)).toEqual(['p1', 'p2']);
  });

  it('ignores keys of other apps and other versions', () => {
    storage.setItem('other', 'x');
    storage.setItem('epp:v2:plan:zz', '{}');
    library.create(planA);
    expect(library.list().map((e) => e.id)).toEqual(['p1']);
    expect(storage.getItem('other')).toBe('x');
  });
});

describe('plan library when storage is full', () => {
  it('reports quota, keeps what was stored before, and never throws', () => {
    const storage = new FullStorage(10_000);
    const library = createPlanLibrary(storage, { newId: () => 'p1' });
    expect(library.create(planA)).toEqual({ ok: true, id: 'p1' });

    const huge = { ...planA, name: 'Huge', nodes: [...planA.nodes] };
    for (let i = 0; i < 200; i++) huge.nodes.push(server(`big${i}`, 'ams'));
    const result = library.save('p1', huge);
    expect(result).toEqual({
      ok: false,
      error: 'quota',
      message: expect.stringContaining('storage for this app is full'),
    });
    if (!result.ok) expect(result.message).toContain('still open here');
    expect(loadedPlan(library, 'p1')).toEqual(planA);
    expect(library.list()).toEqual([expect.objectContaining({ id: 'p1', name: 'Amsterdam' })]);

    expect(createPlanLibrary(storage, { newId: () => 'p2' }).create(huge)).toMatchObject({
      ok: false,
      error: 'quota',
      id: 'p2',
    });
  });
});

describe('plan library when storage is unavailable', () => {
  for (const [what, storage] of [
    ['every access throws', blockedStorage],
    ['there is no storage', null],
  ] as const) {
    it(`reports unavailable when ${what}, and never throws`, () => {
      const library = createPlanLibrary(storage);
      expect(library.list()).toEqual([]);
      const created = library.create(planA);
      expect(created).toMatchObject({
        ok: false,
        error: 'unavailable',
        message: expect.stringContaining('still open here'),
      });
      expect(library.save(created.id, planA, { x: 0, y: 0, zoom: 1 })).toMatchObject({
        ok: false,
        error: 'unavailable',
      });
      expect(library.saveView(created.id, { x: 0, y: 0, zoom: 1 })).toMatchObject({
        ok: false,
        error: 'unavailable',
      });
      expect(library.load(created.id)).toEqual({
        ok: false,
        error: expect.stringContaining('does not let the app read stored data'),
      });
      expect(library.loadView(created.id)).toBeNull();
      expect(library.rename(created.id, 'x').ok).toBe(false);
      expect(library.duplicate(created.id).ok).toBe(false);
      expect(library.remove(created.id).ok).toBe(false);
      expect(() => {
        library.currentId = 'x';
      }).not.toThrow();
      expect(library.currentId).toBeNull();
    });
  }
});

describe('a plan stored by the version 1 release', () => {
  it('loads through the migration, with its view', async () => {
    const { readFileSync } = await import('node:fs');
    const stored: Record<string, string> = JSON.parse(
      readFileSync(new URL('./fixtures/v1-browser-storage.json', import.meta.url), 'utf8'),
    );
    const storage = new MemoryStorage();
    for (const [key, value] of Object.entries(stored)) storage.setItem(key, value);
    const library = createPlanLibrary(storage);
    expect(library.list()).toEqual([{ id: 'p1', name: 'Amsterdam and Utrecht', updatedAt: 1767225600000 }]);
    const result = library.load('p1');
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.version).toBe(2);
    expect(result.plan.connectors[1]).toMatchObject({ type: 'site', a: 'ams', b: 'utr', bridgeheadA: 'ex1' });
    // The same plan as the stored document read as a version 1 plan file.
    expect(loadPlan(stored['epp:v1:plan:p1'])).toEqual({ ok: true, plan: result.plan });
    expect(result.plan.nodes[0]).toMatchObject({ id: 'ex1', address: null, ldapPort: 389 });
    expect(library.loadView('p1')).toEqual({ x: 10, y: 20, zoom: 1.5 });
    // What was stored is not rewritten by reading it.
    expect(storage.getItem('epp:v1:plan:p1')).toBe(stored['epp:v1:plan:p1']);
  });
});
