import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { call, callError, storeOf, importFile, openTestCore, tickingClock } from '../helpers/core';
import { sql } from 'kysely';
import { hashDatabase, scalar } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';
import { writeWorkbook } from '../helpers/workbooks';

/** The Hồng Dân report with one unknown commune (row 13) and one figure typed as "12,5" (D12). */
function reportWithTwoBadRows(): string {
  const dir = tempDataDir('bhxh-partial-');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx'))).Sheets['T9-2020']!, { header: 1, defval: null });
  rows[12]![1] = 'Xã Không Có Thật';
  rows[11]![3] = '12,5';
  return writeWorkbook(join(dir, 'bao-cao-loi.xlsx'), [{ name: 'T9-2020', rows }]);
}

async function hongDan(dataDir?: string) {
  const core = await openTestCore({ now: tickingClock(), ...(dataDir ? { dataDir } : {}) });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  return core;
}

describe('rows with errors can be left out and the valid rows written', () => {
  it('commit with skipErrorRows writes exactly the valid rows; without it nothing is written; undo restores', async () => {
    const core = await hongDan();
    const file = reportWithTwoBadRows();
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(file) });
    const bad = p.rows.filter((r) => r.status !== 'ok');
    expect(bad.map((r) => r.row)).toEqual([12, 13]);
    expect(p.canCommit).toBe(false);
    expect(p.canCommitValidRows).toBe(true);

    // Without the explicit choice the commit is refused and nothing changes.
    const before = (await hashDatabase(storeOf(core)));
    expect((await callError(core, 'imports:commit', { sessionId: p.sessionId })).code).toBe('IMPORT_REJECTED');
    expect((await hashDatabase(storeOf(core)))).toBe(before);

    const again = await call(core, 'imports:preview', { file: core.files.registerPath(file) });
    const outcome = await call(core, 'imports:commit', { sessionId: again.sessionId, skipErrorRows: true });
    expect(outcome.skippedRows).toBe(2);
    expect(outcome.written).toBe(again.changes.length);
    // No value of a skipped row was written.
    const skippedCodes = new Set(bad.map((r) => r.unitCode).filter(Boolean));
    expect(again.changes.some((c) => skippedCodes.has(c.unitCode))).toBe(false);
    const written = Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM results WHERE as_of = '2020-09-25'`));
    expect(written).toBe(again.changes.filter((c) => c.kind === 'result').length);
    const audit = (await call(core, 'audit:list', { limit: 5 })).items;
    expect(audit.find((a) => a.action === 'import')!.summary).toContain('bỏ qua 2 dòng lỗi');

    await call(core, 'imports:undo', { batchId: outcome.batchId });
    expect(Number(await scalar(storeOf(core), sql`SELECT COUNT(*) AS n FROM results WHERE as_of = '2020-09-25'`))).toBe(0);
  });

  it('a file-level error (no period) is never committed, even with skipErrorRows', async () => {
    const core = await hongDan();
    const dir = tempDataDir('bhxh-partial-');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(fixturePath('district-report-hong-dan-2020-09.xlsx'))).Sheets['T9-2020']!, { header: 1, defval: null });
    for (const r of rows.slice(0, 5)) if (r) r.fill(null);
    rows[11]![3] = '12,5';
    const file = writeWorkbook(join(dir, 'khong-ky.xlsx'), [{ name: 'T9-2020', rows }]);
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(file) });
    expect(p.period).toBeNull();
    expect(p.canCommitValidRows).toBe(false);
    const before = (await hashDatabase(storeOf(core)));
    expect((await callError(core, 'imports:commit', { sessionId: p.sessionId, skipErrorRows: true })).code).toBe('IMPORT_REJECTED');
    expect((await hashDatabase(storeOf(core)))).toBe(before);
  });

  it('CLI: --skip-error-rows commits the valid rows (exit 0, skippedRows in JSON); without it the file is rejected (exit 2)', async () => {
    const dataDir = tempDataDir('bhxh-partial-cli-');
    (await hongDan(dataDir)).close();
    const file = reportWithTwoBadRows();
    const rejected = await cli('import', file, '--json', '--data-dir', dataDir);
    expect(rejected.code).toBe(2);
    expect(JSON.parse(rejected.out).status).toBe('rejected');
    const partial = await cli('import', file, '--json', '--skip-error-rows', '--data-dir', dataDir);
    expect(partial.code, partial.err).toBe(0);
    const summary = JSON.parse(partial.out) as { status: string; skippedRows: number; valuesWritten: number; errors: { cell: string | null }[] };
    expect(summary.status).toBe('committed');
    expect(summary.skippedRows).toBe(2);
    expect(summary.valuesWritten).toBeGreaterThan(0);
    expect(summary.errors.map((e) => e.cell)).toEqual(expect.arrayContaining(['D12', 'B13']));
  });
});
