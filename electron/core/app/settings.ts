import type { AppSettings } from '../../../shared/contract';
import { DEFAULT_INACTIVE_MONTHS } from '../../../shared/domain/network';
import type { Store } from '../db/store';

export type Settings = AppSettings;

const DEFAULTS: Settings = { jumpThreshold: 0.2, inactiveMonths: DEFAULT_INACTIVE_MONTHS };

export async function readSettings(store: Store): Promise<Settings> {
  const rows = await store.db.selectFrom('settings').select(['key', 'value']).execute();
  // Only the app's own settings: other rows (a reminder letter's wording…) belong to their domain.
  const stored = Object.fromEntries(rows.filter((r) => r.key in DEFAULTS).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { ...DEFAULTS, ...(stored as Partial<Settings>) };
}

export async function writeSetting<K extends keyof Settings>(store: Store, key: K, value: Settings[K]): Promise<void> {
  await store.db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}
