import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { AppCore } from '../../electron/core/app/appCore';
import { readWorkbookInWorker } from '../../electron/core/excel/readInWorker';
import type { ProgressEvent } from '../../shared/contract';
import { call, callError, storeOf, expectVietnamese, importFile, openTestCore, tickingClock } from '../helpers/core';
import { hashDatabase } from '../helpers/dbHash';
import { FIXTURE, fixturePath, tempDataDir } from '../helpers/fixtures';

async function hongDan(): Promise<AppCore> {
  const core = await openTestCore({ now: tickingClock() });
  await importFile(core, fixturePath(FIXTURE.unitsHongDan));
  return core;
}

function progressOf(core: AppCore, taskId: string): ProgressEvent[] {
  const seen: ProgressEvent[] = [];
  core.events.subscribe((e) => {
    if (e.type === 'progress' && e.taskId === taskId) seen.push(e);
  });
  return seen;
}

/** A report with many wide sheets: slow enough to be cancelled while it is parsed. */
function bigWorkbook(dir: string): string {
  const wb = XLSX.utils.book_new();
  for (let s = 1; s <= 12; s++) {
    const rows: unknown[][] = [['STT', 'Đơn vị', 'Kế hoạch', 'Thực hiện']];
    for (let r = 0; r < 6000; r++) rows.push([r + 1, `Xã ${r}`, r, r * 2, `ghi chú dài ${r} `.repeat(4)]);
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), `T${s}`);
  }
  const path = join(dir, 'bao-cao-lon.xlsx');
  writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

describe('preview runs in a worker with progress and cancel', () => {
  it('reports reading, each sheet and unit matching, then ends the task', async () => {
    const core = await hongDan();
    const events = progressOf(core, 'thu-tien-do-1');
    const p = await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)), operationId: 'thu-tien-do-1' });
    expect(p.rows.length).toBeGreaterThan(0);
    const labels = events.map((e) => e.label);
    expect(labels[0]).toBe('Đang đọc tệp…');
    expect(labels).toContain('Đang phân tích trang tính 1/1…');
    expect(labels).toContain('Đang đối chiếu đơn vị…');
    const last = events.at(-1)!;
    expect(last.done).toBe(last.total);
    // Never goes backwards, so a progress bar only moves forward.
    for (let i = 1; i < events.length - 1; i++) expect(events[i]!.done / events[i]!.total).toBeGreaterThanOrEqual(events[i - 1]!.done / events[i - 1]!.total);
  });

  it('cancel terminates the worker: a Vietnamese CANCELLED error and the database unchanged', async () => {
    const core = await hongDan();
    const path = bigWorkbook(tempDataDir('bhxh-import-big-'));
    const before = (await hashDatabase(storeOf(core)));
    const events = progressOf(core, 'thu-huy-1');
    let cancelled: Promise<unknown> | null = null;
    core.events.subscribe((e) => {
      // While the worker is parsing the first sheet of twelve.
      if (e.type === 'progress' && e.taskId === 'thu-huy-1' && e.label.startsWith('Đang phân tích') && !cancelled) cancelled = call(core, 'imports:cancel', { operationId: 'thu-huy-1' });
    });
    const err = await callError(core, 'imports:preview', { file: core.files.registerPath(path), operationId: 'thu-huy-1' });
    expect(err.code).toBe('CANCELLED');
    expectVietnamese(err.message);
    expect(err.message).toContain('bao-cao-lon.xlsx');
    expect(await cancelled).toEqual({ cancelled: true });
    // Nothing more from the terminated worker: the parse stopped at the sheet it was on.
    const labels = events.map((e) => e.label);
    expect(labels.filter((l) => l.startsWith('Đang phân tích'))).toEqual(['Đang phân tích trang tính 1/12…']);
    expect(labels).not.toContain('Đang đối chiếu đơn vị…');
    expect(events.at(-1)!.done).toBe(events.at(-1)!.total);
    expect((await hashDatabase(storeOf(core)))).toBe(before);
    expect((await call(core, 'imports:list', {})).items).toEqual([]);
  });

  it('a cancel that overtakes its preview still stops it; cancelling a finished one is a no-op', async () => {
    const core = await hongDan();
    expect(await call(core, 'imports:cancel', { operationId: 'thu-huy-som' })).toEqual({ cancelled: false });
    const err = await callError(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)), operationId: 'thu-huy-som' });
    expect(err.code).toBe('CANCELLED');
    await call(core, 'imports:preview', { file: core.files.registerPath(fixturePath(FIXTURE.districtReport)), operationId: 'thu-xong-1' });
    expect(await call(core, 'imports:cancel', { operationId: 'thu-xong-1' })).toEqual({ cancelled: false });
  });

  it('the worker reads what the caller-thread reader reads, and a starved heap is a clear refusal', async () => {
    const bytes = readFileSync(fixturePath(FIXTURE.districtReport));
    const wb = await readWorkbookInWorker(bytes, 'bao-cao.xlsx');
    expect(wb.sheets[0]!.rows.length).toBeGreaterThan(10);
    const big = readFileSync(bigWorkbook(tempDataDir('bhxh-import-big-')));
    const err = await readWorkbookInWorker(big, 'bao-cao-lon.xlsx', { limits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2, stackSizeMb: 4 } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_INVALID' });
    expectVietnamese((err as Error).message);
  });
});
