import type { Store } from '../db/store';
import type { EventHub } from './events';
import type { FileStore } from '../files/fileStore';

/** What every service gets: the database (never a driver), who is acting and the app's one clock. */
export interface CoreContext {
  readonly store: Store;
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
