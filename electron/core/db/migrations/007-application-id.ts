import { ddlStep } from './step';

/** 'BHXD' in the SQLite header: restore accepts only files that carry it (or an older backup of the exact expected schema). */
export const SQLITE_APPLICATION_ID = 0x42485844;

export default ddlStep({
  version: 7,
  name: "application id in the SQLite header; the app's name in meta on both engines",
  sqlite: `PRAGMA application_id = ${SQLITE_APPLICATION_ID};`,
  postgres: '',
  async data(m) {
    await m.db
      .insertInto('meta')
      .values({ key: 'application', value: 'bhxh-desk' })
      .onConflict((oc: any) => oc.column('key').doUpdateSet({ value: 'bhxh-desk' })) // eslint-disable-line @typescript-eslint/no-explicit-any
      .execute();
  },
});
