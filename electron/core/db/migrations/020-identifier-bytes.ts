import { ddlStep } from './step';

/**
 * A person's CCCD, mã số BHXH, BHYT card and phone are compared as bytes on PostgreSQL, as the
 * name keys already were (migration 15): they are digits (and two letters), so the order is the
 * same, but a server whose default collation is a locale (vi_VN, en_US, C.UTF-8) sorts them
 * through strcoll without abbreviated keys. A million-row list's cccd, bhxh and phone indexes
 * were built in 1,0–1,5 s each, 0,6 s as bytes. The stage's columns follow, so the duplicate
 * checks join columns of one collation. SQLite compares bytes already (BINARY): nothing to do.
 */
const bytes = (table: string) =>
  `ALTER TABLE ${table} ${['cccd', 'bhxh_code', 'bhyt_card', 'phone'].map((c) => `ALTER COLUMN ${c} TYPE TEXT COLLATE "C"`).join(', ')};`;

export default ddlStep({
  version: 20,
  name: 'identifier-bytes',
  sqlite: '',
  postgres: `
    ${bytes('people')}
    ${bytes('person_import_rows')}
  `,
});
