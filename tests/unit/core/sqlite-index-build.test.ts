// Indexes set aside for a bulk load are built with SQLite's sorter tuned (small runs, two threads):
// the indexes come back, and the connection's own cache and thread settings with them, even when a
// statement fails (the transaction then rolls back whole).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../electron/core/db/sqliteStore';
import { tempDataDir } from '../../helpers/fixtures';

let store: SqliteStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

const indexesOf = (s: SqliteStore) => (s.raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('SqliteStore.buildIndexes', () => {
  it('builds the indexes and puts the cache size and threads back', async () => {
    store = SqliteStore.open(join(tempDataDir(), 'i.sqlite'));
    store.script("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO t (a, b) SELECT printf('%05d', (i * 7919) % 20000), printf('b%d', i) FROM n;");
    const before = { cache: store.raw.pragma('cache_size', { simple: true }), threads: store.raw.pragma('threads', { simple: true }) };
    await store.transaction(() => store!.buildIndexes(['CREATE INDEX t_a ON t(a)', 'CREATE INDEX t_b ON t(b, a)']));
    expect(indexesOf(store)).toEqual(['t_a', 't_b']);
    expect({ cache: store.raw.pragma('cache_size', { simple: true }), threads: store.raw.pragma('threads', { simple: true }) }).toEqual(before);
    // The index answers in key order.
    expect(store.raw.prepare('SELECT a FROM t INDEXED BY t_a ORDER BY a LIMIT 2').all()).toEqual([{ a: '00000' }, { a: '00001' }]);
  });

  it('a failing statement rolls the transaction back and still puts the settings back', async () => {
    store = SqliteStore.open(join(tempDataDir(), 'j.sqlite'));
    store.script('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)');
    const cache = store.raw.pragma('cache_size', { simple: true });
    await expect(store.transaction(() => store!.buildIndexes(['CREATE INDEX t_a ON t(a)', 'CREATE INDEX t_x ON t(missing)']))).rejects.toThrow();
    expect(indexesOf(store)).toEqual([]);
    expect(store.raw.pragma('cache_size', { simple: true })).toBe(cache);
    expect(store.raw.pragma('threads', { simple: true })).toBe(0);
  });
});
