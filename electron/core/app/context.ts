import type { Db } from '../db/open';
import type { EventHub } from './events';
import type { FileStore } from '../files/fileStore';

/** What every service gets: the open database and who is acting. */
export interface CoreContext {
  readonly db: Db;
  readonly dataDir: string;
  readonly actor: string;
  readonly files: FileStore;
  readonly events: EventHub;
  now(): Date;
}

export function isoNow(ctx: Pick<CoreContext, 'now'>): string {
  return ctx.now().toISOString();
}

/** Today as YYYY-MM-DD in local time: the day office staff think in. */
export function localToday(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}
