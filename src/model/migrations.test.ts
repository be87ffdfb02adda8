import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from './load';
import {
  assertMigrationChain,
  FIRST_PLAN_VERSION,
  MigrationError,
  migratePlanDocument,
  PLAN_MIGRATIONS,
  type PlanDocument,
  type PlanMigration,
} from './migrations';
import { CURRENT_PLAN_VERSION } from './types';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fixtureDoc = (name: string): PlanDocument => JSON.parse(fixture(name));

/**
 * The cases of each migration in PLAN_MIGRATIONS: fixture files of the older
 * version, one per rule of the step, and what the step must turn each into
 * (`<name>.v2.json` beside `<name>.json`). Adding a migration without a case
 * here fails the first test below.
 */
const TESTED_MIGRATIONS: Record<string, readonly string[]> = {
  '1: site connectors join sites; service packs, names and drawing within the version 2 limits': [
    'v1-site-connectors',
    'v1-service-packs',
    'v1-names',
    'v1-drawing',
    'v1-unknown-fields',
  ],
};

/** Every plan of an old version that must keep loading, by file name. */
const OLD_VERSION_FIXTURES = [
  'v1-minimal.json',
  'v1-full.json',
  ...Object.values(TESTED_MIGRATIONS).flatMap((names) => names.map((name) => `${name}.json`)),
];

describe('the migrations of the plan format', () => {
  it('each have a test case', () => {
    const untested = PLAN_MIGRATIONS.map((m) => m.name).filter((name) => !(name in TESTED_MIGRATIONS));
    expect(untested).toEqual([]);
    const unknown = Object.keys(TESTED_MIGRATIONS).filter(
      (name) => !PLAN_MIGRATIONS.some((m) => m.name === name),
    );
    expect(unknown).toEqual([]);
  });

  it.each(
    PLAN_MIGRATIONS.flatMap((migration) =>
      (TESTED_MIGRATIONS[migration.name] ?? []).map((name) => [migration.name, name, migration] as const),
    ),
  )('%s turns the fixture %s into the expected document', (_name, name, migration) => {
    const before = fixtureDoc(`${name}.json`);
    const untouched = structuredClone(before);
    expect(migration.up(before)).toEqual(fixtureDoc(`${name}.v2.json`));
    expect(before).toEqual(untouched);
  });

  it.each(Object.entries(TESTED_MIGRATIONS))('%s has at least one fixture', (_name, names) => {
    expect(names.length).toBeGreaterThan(0);
  });

  it('form a chain from version 1 to the current version', () => {
    expect(() => assertMigrationChain(PLAN_MIGRATIONS, CURRENT_PLAN_VERSION)).not.toThrow();
    expect(PLAN_MIGRATIONS).toHaveLength(CURRENT_PLAN_VERSION - FIRST_PLAN_VERSION);
  });

  it.each(OLD_VERSION_FIXTURES)('still load the fixture %s', (name) => {
    const result = loadPlan(fixture(name));
    expect(result.ok ? result.plan.version : result.error).toBe(CURRENT_PLAN_VERSION);
  });
});

const step = (name: string, fromVersion: number, up: PlanMigration['up'] = (doc) => doc): PlanMigration => ({
  name,
  fromVersion,
  up,
});

describe('assertMigrationChain', () => {
  it('accepts no migrations at version 1, and a contiguous chain', () => {
    expect(() => assertMigrationChain([], 1)).not.toThrow();
    expect(() => assertMigrationChain([step('a', 1), step('b', 2), step('c', 3)], 4)).not.toThrow();
  });

  it('refuses steps out of order', () => {
    expect(() => assertMigrationChain([step('b', 2), step('a', 1)], 3)).toThrow(
      'Plan migration "b" starts from version 2; the chain expects version 1 at position 0.',
    );
  });

  it('refuses a gap', () => {
    expect(() => assertMigrationChain([step('a', 1), step('c', 3)], 4)).toThrow(/"c" starts from version 3/);
  });

  it('refuses two steps from the same version', () => {
    expect(() => assertMigrationChain([step('a', 1), step('a2', 1)], 3)).toThrow(
      /"a2" starts from version 1/,
    );
  });

  it('refuses a chain that stops short of, or goes past, the current version', () => {
    expect(() => assertMigrationChain([step('a', 1)], 3)).toThrow(
      'Plan migrations reach version 2, but the current plan version is 3.',
    );
    expect(() => assertMigrationChain([step('a', 1)], 1)).toThrow(/reach version 2/);
    expect(() => assertMigrationChain([], 2)).toThrow(/reach version 1/);
  });

  it('refuses a name used twice and an empty name', () => {
    expect(() => assertMigrationChain([step('a', 1), step('a', 2)], 3)).toThrow('"a" is used twice');
    expect(() => assertMigrationChain([step(' ', 1)], 2)).toThrow('has no name');
  });
});

describe('migratePlanDocument', () => {
  const chain = [
    step('1: rename title to name', 1, ({ title, ...rest }) => ({ ...rest, name: title })),
    step('2: add connectors', 2, (doc) => ({ ...doc, connectors: [] })),
  ];

  it('runs every step from the document version and stamps each version', () => {
    expect(migratePlanDocument({ version: 1, title: 'x' }, 1, chain)).toEqual({
      version: 3,
      name: 'x',
      connectors: [],
    });
    expect(migratePlanDocument({ version: 2, name: 'y' }, 2, chain)).toEqual({
      version: 3,
      name: 'y',
      connectors: [],
    });
  });

  it('leaves a document of the last version alone', () => {
    const doc = { version: 3, name: 'z' };
    expect(migratePlanDocument(doc, 3, chain)).toBe(doc);
  });

  it('names the step that failed', () => {
    const failing = [
      step('1: explode', 1, () => {
        throw new TypeError('nodes is not iterable');
      }),
    ];
    expect(() => migratePlanDocument({ version: 1 }, 1, failing)).toThrow(MigrationError);
    expect(() => migratePlanDocument({ version: 1 }, 1, failing)).toThrow(
      'the step "1: explode" failed: nodes is not iterable',
    );
  });
});
