/**
 * Migrations of plan documents from older versions of the file format.
 *
 * One named step per version: the step with `fromVersion: n` turns a document
 * of version n into one of version n + 1. The chain must start at version 1
 * and reach CURRENT_PLAN_VERSION without a gap; that is checked when this
 * module loads, because a broken chain is a programming error that must stop
 * the program at once rather than mis-read a user's file. Every step has a
 * test case in migrations.test.ts (a test fails if one is missing).
 *
 * A step receives a document that has passed only the format and version
 * checks: any field may be missing or of the wrong type, and the step must
 * leave such values for the schema to refuse. Validation runs after the last
 * step, on the current version.
 */
import { migrateV1ToV2 } from './migrations/v1ToV2';
import { CURRENT_PLAN_VERSION } from './types';

/** A plan document as read from JSON, before validation. */
export type PlanDocument = Record<string, unknown>;

export interface PlanMigration {
  /** Unique, stable, descriptive: `"2: split staticPorts.mta"`. */
  name: string;
  /** The version of the documents it accepts; it produces `fromVersion + 1`. */
  fromVersion: number;
  /** Returns the migrated document; must not mutate `doc`. */
  up(doc: PlanDocument): PlanDocument;
}

/** A migration step failed on a document; names the step for the refusal message. */
export class MigrationError extends Error {
  readonly migration: string;

  constructor(migration: string, cause: unknown) {
    super(`the step "${migration}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/** The oldest version of the file format; there is nothing before it. */
export const FIRST_PLAN_VERSION = 1;

/** Every step, oldest first. */
export const PLAN_MIGRATIONS: readonly PlanMigration[] = [
  {
    name: '1: site connectors join sites; service packs, names and drawing within the version 2 limits',
    fromVersion: 1,
    up: migrateV1ToV2,
  },
];

/**
 * Throws unless `migrations` is one uniquely named step per version, in
 * order, from `firstVersion` up to `currentVersion`.
 */
export function assertMigrationChain(
  migrations: readonly PlanMigration[],
  currentVersion: number,
  firstVersion: number = FIRST_PLAN_VERSION,
): void {
  const names = new Set<string>();
  migrations.forEach((migration, index) => {
    const expected = firstVersion + index;
    if (migration.name.trim() === '') {
      throw new Error(`Plan migration ${index} has no name.`);
    }
    if (names.has(migration.name)) {
      throw new Error(`Plan migration name "${migration.name}" is used twice.`);
    }
    names.add(migration.name);
    if (migration.fromVersion !== expected) {
      throw new Error(
        `Plan migration "${migration.name}" starts from version ${migration.fromVersion}; the chain expects version ${expected} at position ${index}.`,
      );
    }
  });
  const reached = firstVersion + migrations.length;
  if (reached !== currentVersion) {
    throw new Error(
      `Plan migrations reach version ${reached}, but the current plan version is ${currentVersion}.`,
    );
  }
}

assertMigrationChain(PLAN_MIGRATIONS, CURRENT_PLAN_VERSION);

/**
 * Runs every step from the document's version up to the current one and
 * stamps each intermediate version. `version` must already be known to lie
 * from FIRST_PLAN_VERSION to CURRENT_PLAN_VERSION. A step that throws is
 * reported by the caller with the step's name.
 */
export function migratePlanDocument(
  doc: PlanDocument,
  version: number,
  migrations: readonly PlanMigration[] = PLAN_MIGRATIONS,
): PlanDocument {
  let current = doc;
  for (const migration of migrations) {
    if (migration.fromVersion < version) continue;
    try {
      current = { ...migration.up(current), version: migration.fromVersion + 1 };
    } catch (error) {
      throw new MigrationError(migration.name, error);
    }
  }
  return current;
}
