import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../test/memoryStorage';
import { isQuotaError, storageAccess, storageFailure } from './planLibraryStorage';

describe('isQuotaError', () => {
  // What each browser family has thrown when a site's storage is full.
  it.each([
    ['a QuotaExceededError DOMException', { name: 'QuotaExceededError', code: 22 }],
    ["old Firefox's name", { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
    ['old WebKit, code 22 only', { name: 'Error', code: 22 }],
    ['old Firefox, code 1014', { name: 'Error', code: 1014 }],
  ])('recognises %s', (_, error) => {
    expect(isQuotaError(error)).toBe(true);
    expect(storageFailure(error).error).toBe('quota');
  });

  it.each([
    ['a SecurityError', { name: 'SecurityError', code: 18 }],
    ['a plain Error', new Error('quota')],
    ['nothing thrown at all', undefined],
    ['a string', 'QuotaExceededError'],
  ])('treats %s as unavailable storage', (_, error) => {
    expect(isQuotaError(error)).toBe(false);
    expect(storageFailure(error)).toEqual({
      ok: false,
      error: 'unavailable',
      message: expect.stringContaining('does not let the app store data'),
    });
  });
});

describe('storageAccess', () => {
  it('lists only the keys under a prefix, without the prefix', () => {
    const storage = new MemoryStorage();
    storage.setItem('epp:v1:plan:a', '{}');
    storage.setItem('epp:v1:view:a', '{}');
    storage.setItem('other:plan:b', '{}');
    expect(storageAccess(storage).keysUnder('epp:v1:plan:')).toEqual(new Set(['a']));
  });

  it('reads nothing and refuses writes without storage', () => {
    const access = storageAccess(null);
    expect(access.read('k')).toBeNull();
    expect(access.keysUnder('')).toEqual(new Set());
    expect(access.attempt(() => {})).toMatchObject({ ok: false, error: 'unavailable' });
  });
});
