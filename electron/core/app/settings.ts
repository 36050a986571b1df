import type { Db } from '../db/open';

export interface Settings {
  /** Relative change against last month above which an entered figure needs a note. */
  jumpThreshold: number;
}

const DEFAULTS: Settings = { jumpThreshold: 0.2 };

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULTS, ...(stored as Partial<Settings>) };
}

export function writeSetting<K extends keyof Settings>(db: Db, key: K, value: Settings[K]): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
