/**
 * The plan library's one door to Web Storage. Nothing past it throws: a write
 * that the browser refuses (storage full, or storage blocked altogether)
 * becomes a failure the UI can show while the plan stays in memory, and a
 * read that throws reads as nothing stored.
 */

/** The part of the Web Storage API the library uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

/**
 * Why a change was not stored: `quota` (storage full), `unavailable` (the
 * browser refuses storage, e.g. blocked cookies), `missing` (no plan with
 * that id), `invalid` (a bad name, or a stored plan that cannot be read).
 */
export type StorageProblem = 'quota' | 'unavailable' | 'missing' | 'invalid';

export type Failure = { ok: false; error: StorageProblem; message: string };
export type SaveResult = { ok: true } | Failure;

const MESSAGES: Record<'quota' | 'unavailable', string> = {
  quota:
    'The browser storage for this app is full, so the plan was not saved. It is still open here: export it as a file, or delete plans you no longer need.',
  unavailable:
    'This browser does not let the app store data (private window or blocked site data), so the plan was not saved. It is still open here: export it as a file to keep it.',
};

/** Whether a storage write threw because the browser's quota for the site is used up. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  // Firefox once named it NS_ERROR_DOM_QUOTA_REACHED; old WebKit only set code 22.
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

/** The failure a refused write (or no storage at all) is reported as: full, else unavailable. */
export function storageFailure(error: unknown): Failure {
  const kind = isQuotaError(error) ? 'quota' : 'unavailable';
  return { ok: false, error: kind, message: MESSAGES[kind] };
}

/** The browser's localStorage, or null where merely touching it throws (sandboxed frames, blocked site data). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Storage as the library uses it: guarded writes, reads and key listing. */
export interface StorageAccess {
  /** The storage itself, for reads whose failure must be told apart from "not stored". */
  readonly storage: StorageLike | null | undefined;
  /** Runs `action` on the storage; a throw or no storage becomes a failure. */
  attempt(action: (store: StorageLike) => void): SaveResult;
  /** The value under `key`, or null when there is none or storage cannot be read. */
  read(key: string): string | null;
  /** The stored keys that start with `prefix`, without it (none when storage cannot be read). */
  keysUnder(prefix: string): Set<string>;
}

export function storageAccess(storage: StorageLike | null | undefined): StorageAccess {
  return {
    storage,
    attempt(action) {
      if (!storage) return storageFailure(undefined);
      try {
        action(storage);
        return { ok: true };
      } catch (error) {
        return storageFailure(error);
      }
    },
    read(key) {
      try {
        return storage ? storage.getItem(key) : null;
      } catch {
        return null;
      }
    },
    keysUnder(prefix) {
      const ids = new Set<string>();
      if (!storage) return ids;
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(prefix)) ids.add(key.slice(prefix.length));
        }
      } catch {
        // Unavailable storage holds no plans.
      }
      return ids;
    },
  };
}
