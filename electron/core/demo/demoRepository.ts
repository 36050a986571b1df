/** Removes every demo row, children before parents, so a reload replaces the demo cleanly. */
export const demoDeleteStatements = [
  'DELETE FROM results WHERE is_demo = 1',
  'DELETE FROM targets WHERE is_demo = 1',
  'DELETE FROM offices WHERE is_demo = 1',
  'DELETE FROM unit_links WHERE from_unit_id IN (SELECT id FROM units WHERE is_demo = 1) OR to_unit_id IN (SELECT id FROM units WHERE is_demo = 1)',
  "DELETE FROM units WHERE is_demo = 1 AND level = 'hamlet'",
  "DELETE FROM units WHERE is_demo = 1 AND level = 'commune'",
  "DELETE FROM units WHERE is_demo = 1 AND level = 'district'",
  "DELETE FROM units WHERE is_demo = 1 AND level = 'province'",
];
