import { join } from 'node:path';
import { openAppCore, type AppCore, type AppCoreOptions } from '../../electron/core/app/appCore';
import { createTestDatabase } from '../helpers/pgCluster';

export type Engine = 'sqlite' | 'postgres';

/** What every bench gets: a core on this run's engine, and where to put its figures. */
export interface BenchEnv {
  engine: Engine;
  dir: string;
  /** A fresh, empty (migrated) database on the engine, under a name. */
  open(name: string, options?: Partial<AppCoreOptions>): Promise<AppCore>;
  log(label: string, ms: number): void;
  /** A figure that is not a duration (a count of statements, megabytes). */
  count(label: string, value: number, unit: string): void;
  note(text: string): void;
}

/** Figures by label and engine, printed side by side at the end. */
export class BenchTable {
  private readonly rows = new Map<string, Partial<Record<Engine, string>>>();
  private readonly section = new Map<string, string>();
  private current = '';

  heading(title: string): void {
    this.current = title;
  }

  env(engine: Engine, dir: string, adminUrl: string | null): BenchEnv {
    const put = (label: string, text: string) => {
      const row = this.rows.get(label) ?? {};
      row[engine] = text;
      this.rows.set(label, row);
      if (!this.section.has(label)) this.section.set(label, this.current);
      console.log(`[${engine}] ${label.padEnd(62)} ${text.padStart(12)}`);
    };
    return {
      engine,
      dir,
      async open(name, options = {}) {
        const dataDir = join(dir, engine, name);
        const databaseUrl = engine === 'postgres' ? (await createTestDatabase(adminUrl!, { prefix: `bench_${name.replace(/\W/g, '')}` })).url : null;
        return openAppCore({ dataDir, mode: 'cli', skipDailyBackup: true, now: () => new Date('2026-11-22T10:00:00'), databaseUrl, ...options });
      },
      log: (label, ms) => put(label, `${ms.toFixed(1)} ms`),
      count: (label, value, unit) => put(label, `${value.toLocaleString('vi-VN')} ${unit}`),
      note: (text) => console.log(`[${engine}] ${text}`),
    };
  }

  print(): void {
    const width = Math.max(...[...this.rows.keys()].map((l) => l.length), 20);
    let section = '';
    console.log(`\n${'Both engines side by side'.padEnd(width)} ${'SQLite'.padStart(14)} ${'PostgreSQL'.padStart(14)}`);
    for (const [label, row] of this.rows) {
      const s = this.section.get(label) ?? '';
      if (s !== section) console.log(`\n${(section = s)}`);
      console.log(`${label.padEnd(width)} ${(row.sqlite ?? '—').padStart(14)} ${(row.postgres ?? '—').padStart(14)}`);
    }
  }
}
