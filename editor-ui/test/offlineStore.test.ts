import { describe, expect, it } from 'vitest';
import { OfflineStore } from '../src/sync/offlineStore';

/** The part of Storage the store uses, over a Map, with an optional quota in characters. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
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
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

describe('OfflineStore', () => {
  it('keeps unsaved text with its base per project, and forgets it once saved', () => {
    const storage = new MemoryStorage();
    const one = new OfflineStore('p1', storage);
    const other = new OfflineStore('p2', storage);
    one.putPending('src/a.ts', { content: 'typed', base: { version: 3, content: 'base' }, fileId: 'f', updatedAt: 1 });
    other.putPending('b.md', { content: 'x', base: { version: 1, content: '' }, fileId: null, updatedAt: 1 });

    const reloaded = new OfflineStore('p1', storage);
    expect(reloaded.pendingPaths()).toEqual(['src/a.ts']);
    expect(reloaded.pending('src/a.ts')).toMatchObject({ content: 'typed', base: { version: 3, content: 'base' } });
    reloaded.removePending('src/a.ts');
    expect(reloaded.pendingPaths()).toEqual([]);
    expect(other.pendingPaths()).toEqual(['b.md']);
  });

  it('says so when the browser has no room left for the text', () => {
    const store = new OfflineStore('p', new MemoryStorage(100));
    const big = 'x'.repeat(200);
    expect(store.putPending('a', { content: big, base: { version: 1, content: '' }, fileId: null, updatedAt: 0 })).toBe(false);
    expect(store.pending('a')).toBeNull();
  });

  it('remembers the open tabs, the last file list and the deletes it has seen', () => {
    const storage = new MemoryStorage();
    const store = new OfflineStore('p', storage);
    expect(store.openTabs()).toEqual({ paths: [], active: null });
    store.setOpenTabs(['a', 'b'], 'b');
    store.setSeenDeletes(['gone.txt']);
    const again = new OfflineStore('p', storage);
    expect(again.openTabs()).toEqual({ paths: ['a', 'b'], active: 'b' });
    expect(again.seenDeletes()).toEqual(['gone.txt']);
    expect(again.files()).toBeNull();
  });
});
