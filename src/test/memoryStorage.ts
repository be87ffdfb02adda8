import type { StorageLike } from '../io/planLibrary';

/** Web Storage in memory, in insertion order like browsers keep it; it counts writes and can be made full. */
export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  writes = 0;
  /** While true, every write throws as a full browser storage does. */
  full = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw Object.assign(new Error('quota'), { name: 'QuotaExceededError', code: 22 });
    this.writes++;
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}
