import { deleteDemoCampaigns } from './demoCampaigns';
import type { Store } from '../db/store';
import { deleteDemoAwards } from './demoAwards';
import { deleteDemoNetwork } from './demoNetwork';

/** Removes every demo row, children before parents, so a reload replaces the demo cleanly. */
export async function deleteDemoRows(store: Store): Promise<void> {
  const db = store.db;
  await deleteDemoCampaigns(store);
  await deleteDemoAwards(store);
  await deleteDemoNetwork(store);
  await db.deleteFrom('results').where('is_demo', '=', 1).execute();
  await db.deleteFrom('targets').where('is_demo', '=', 1).execute();
  const demoUnits = db.selectFrom('units').select('id').where('is_demo', '=', 1);
  // An office someone added inside the fictional province belongs to the demo too.
  await db.deleteFrom('offices').where((eb) => eb.or([eb('is_demo', '=', 1), eb('province_unit_id', 'in', demoUnits)])).execute();
  // Demo communes a real office was given go with the demo.
  await db.deleteFrom('office_units').where('unit_id', 'in', demoUnits).execute();
  await db
    .deleteFrom('unit_links')
    .where((eb) => eb.or([eb('from_unit_id', 'in', demoUnits), eb('to_unit_id', 'in', demoUnits)]))
    .execute();
  for (const level of ['hamlet', 'commune', 'district', 'province'] as const) {
    await db.deleteFrom('units').where('is_demo', '=', 1).where('level', '=', level).execute();
  }
}
