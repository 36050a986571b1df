import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamSheetRows, streamSheetRowsInWorker, type RowBatch, type WorkerTransform } from '../../electron/core/excel/stream/index';
import { PeopleLookups } from '../../electron/core/people/import/lookups';
import { stageRows, type StagedBatch, type StageSetup, type StageWorkerConfig } from '../../electron/core/people/import/stageRows';
import { STAGE_INSERT_COLUMNS } from '../../electron/core/people/import/preview';
import type { FieldColumn } from '../../electron/core/people/import/validateRow';
import { copyCsvLine } from '../../electron/core/db/copyCsv';

const CCCD_AT = STAGE_INSERT_COLUMNS.indexOf('cccd');
const BHXH_AT = STAGE_INSERT_COLUMNS.indexOf('bhxh_code');
import { cccdFor, writePeopleWorkbook } from '../helpers/peopleFiles';

const dir = mkdtempSync(join(tmpdir(), 'bhxh-stage-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIELDS: FieldColumn[] = [
  { field: 'fullName', index: 1, letter: 'B' },
  { field: 'birthDate', index: 2, letter: 'C' },
  { field: 'sex', index: 3, letter: 'D' },
  { field: 'cccd', index: 4, letter: 'E' },
  { field: 'commune', index: 5, letter: 'F' },
  { field: 'paymentMode', index: 6, letter: 'G' },
];

function lookups(): PeopleLookups {
  const ref = { code: '40001', name: 'Xã An Hiệp' };
  return PeopleLookups.fromData({ byCode: new Map([[ref.code, ref]]), byKey: new Map([['an hiep', [ref]]]), staff: new Map() });
}

describe('people import validated in the reader worker', () => {
  it('stages the same rows, errors and counts as validating on the main thread', async () => {
    const rows: unknown[][] = [['DANH SÁCH'], [], ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Xã/phường', 'Phương thức đóng']];
    for (let i = 0; i < 120; i++) {
      const year = 1960 + (i % 40);
      const sex = i % 2 ? 'F' : 'M';
      rows.push([
        i + 1,
        i % 17 === 5 ? '' : `Nguyễn Văn ${i}`,
        i % 13 === 3 ? '31/02/1990' : `${year}`,
        sex === 'M' ? 'Nam' : 'Nữ',
        i % 11 === 7 ? '12345' : cccdFor(year, sex, i),
        i % 19 === 2 ? 'Xã Không Có' : 'Xã An Hiệp',
        i % 23 === 4 ? 'khi nào có tiền' : '3 tháng',
      ]);
    }
    rows.push([], ['', 'Người lập biểu'], ['', 'Giám đốc']);
    const path = writePeopleWorkbook(join(dir, 'list.xlsx'), rows);
    const setup: StageSetup = { batchId: 7, lastHeaderRow: 3, fields: FIELDS, today: '2026-11-22', format: 'tuples' };
    const vctx = { lookups: lookups(), today: setup.today };

    const inThread: StagedBatch[] = [];
    for await (const batch of streamSheetRows(path, 'list.xlsx', { batchRows: 10 })) inThread.push(stageRows(batch, setup, vctx));

    const transform: WorkerTransform = { name: 'people-stage', configure: null };
    const inWorker: StagedBatch[] = [];
    let transformed = 0;
    for await (const batch of streamSheetRowsInWorker(path, 'list.xlsx', { batchRows: 10, transform })) {
      if (batch.transformed) {
        transformed++;
        inWorker.push(batch.transformed as StagedBatch);
      } else {
        inWorker.push(stageRows(batch as RowBatch, setup, vctx));
        transform.configure?.({ setup, lookups: vctx.lookups.toData() } satisfies StageWorkerConfig);
      }
    }
    expect(transformed).toBeGreaterThan(0);
    const flat = (b: StagedBatch[]) => ({
      tuples: b.flatMap((x) => x.tuples),
      seen: b.reduce((n, x) => n + x.rowsSeen, 0),
      errors: [...b.flatMap((x) => x.errors).reduce((m, [f, n]) => m.set(f, (m.get(f) ?? 0) + n), new Map<string, number>())].sort(),
    });
    const a = flat(inThread);
    expect(a.seen).toBe(120);
    expect(a.tuples.filter((t) => t[2] === 'error').length).toBeGreaterThan(20);
    expect(flat(inWorker)).toEqual(a);

    // PostgreSQL's form: the same rows as COPY text built in the worker, and the valid rows' identifiers.
    const csvSetup: StageSetup = { ...setup, format: 'csv' };
    const csvTransform: WorkerTransform = { name: 'people-stage', configure: null };
    const asCsv: StagedBatch[] = [];
    for await (const batch of streamSheetRowsInWorker(path, 'list.xlsx', { batchRows: 10, transform: csvTransform })) {
      if (batch.transformed) asCsv.push(batch.transformed as StagedBatch);
      else {
        asCsv.push(stageRows(batch as RowBatch, csvSetup, vctx));
        csvTransform.configure?.({ setup: csvSetup, lookups: vctx.lookups.toData() } satisfies StageWorkerConfig);
      }
    }
    expect(asCsv.every((b) => b.tuples.length === 0)).toBe(true);
    expect(asCsv.reduce((n, b) => n + b.staged, 0)).toBe(a.tuples.length);
    expect(asCsv.map((b) => Buffer.from(b.csv ?? new Uint8Array()).toString('utf8')).join('')).toBe(a.tuples.map((t) => copyCsvLine(t)).join(''));
    expect(asCsv.flatMap((b) => b.keys ?? [])).toEqual(a.tuples.filter((t) => t[2] === 'ok').map((t) => [t[1], t[CCCD_AT], t[BHXH_AT]]));
  });
});

describe('repeats inside the file found in memory', () => {
  it('names the same later rows and first rows as the SQL check, CCCD first, then mã số BHXH among the rest', async () => {
    const { InFileKeys } = await import('../../electron/core/people/import/duplicates');
    const keys = new InFileKeys();
    const rows: { row: number; cccd: string | null; bhxh: string | null }[] = [];
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let row = 5; row < 3000; row++) {
      const cccd = rnd(5) === 0 ? null : `0${String(94000000000 + rnd(400)).padStart(11, '0')}`;
      const bhxh = rnd(4) === 0 ? null : String(9400000000 + rnd(500));
      rows.push({ row, cccd, bhxh });
      keys.add(row, cccd, bhxh);
    }
    const naive = (field: 'cccd' | 'bhxh', skip: Set<number>) => {
      const first = new Map<string, number>();
      const out: [number, number][] = [];
      for (const r of rows) {
        const v = r[field];
        if (v === null || skip.has(r.row)) continue;
        if (first.has(v)) out.push([r.row, first.get(v)!]);
        else first.set(v, r.row);
      }
      return out;
    };
    const cccd = naive('cccd', new Set());
    const bhxh = naive('bhxh', new Set(cccd.map(([r]) => r)));
    const found = keys.repeats()!;
    const byRow = (a: [number, number][]) => [...a].sort((x, y) => x[0] - y[0]);
    expect(byRow(found.cccd)).toEqual(cccd);
    expect(byRow(found.bhxh)).toEqual(bhxh);
    expect(cccd.length).toBeGreaterThan(100);

    const odd = new InFileKeys();
    odd.add(5, '12345', null);
    expect(odd.repeats()).toBeNull();
  });

  it('keys kept in blocks of 65,536: repeats across blocks are found', async () => {
    const { InFileKeys } = await import('../../electron/core/people/import/duplicates');
    const keys = new InFileKeys();
    const cccdOf = (row: number) => `0${String(94000000000 + row).padStart(11, '0')}`;
    for (let row = 5; row < 140_005; row++) {
      // Row 139,000 repeats row 7's CCCD (first block → third); row 70,000 repeats row 65,540's mã số BHXH.
      const cccd = row === 139_000 ? cccdOf(7) : cccdOf(row);
      const bhxh = row === 70_000 ? String(9400000000 + 65_540) : String(9400000000 + row);
      keys.add(row, cccd, bhxh);
    }
    expect(keys.repeats()).toEqual({ cccd: [[139_000, 7]], bhxh: [[70_000, 65_540]] });
  });
});
