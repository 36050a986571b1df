// District report import speed: a workbook of 12 monthly sheets × 200 communes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { readWorkbookInWorker } from '../../electron/core/excel/readInWorker';
import { readWorkbook } from '../../electron/core/excel/readWorkbook';
import { readWorkbookStreamed } from '../../electron/core/excel/stream/grid';
import type { BenchEnv } from './env';

export async function benchImports(env: BenchEnv): Promise<void> {
  const { dir } = env;
  const log = env.log;
  const core = await env.open('imports');
  const list: unknown[][] = [['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã', 'Cấp']];
  for (let c = 0; c < 200; c++) list.push(['97', 'Tỉnh Đo Nhập', '970', 'Huyện Đo Nhập', String(97000 + c), `Xã Thử Nghiệm ${c}`, 'Xã']);
  const units = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(units, XLSX.utils.aoa_to_sheet(list), 'DanhMuc');
  writeFileSync(join(dir, 'units.xlsx'), XLSX.write(units, { type: 'buffer', bookType: 'xlsx' }));
  const u = await core.dispatch('units:previewImport', { file: core.files.registerPath(join(dir, 'units.xlsx')) });
  if (!u.ok) throw new Error(u.error.message);
  await core.dispatch('units:commitImport', { planId: (u.value as { planId: string }).planId });

  const wb = XLSX.utils.book_new();
  for (let m = 1; m <= 12; m++) {
    const rows: unknown[][] = [
      ['BẢO HIỂM XÃ HỘI HUYỆN ĐO NHẬP'],
      ['BÁO CÁO KẾT QUẢ PHÁT TRIỂN NGƯỜI THAM GIA'],
      [`Tháng ${m} năm 2025 (số liệu tính đến ngày 25/${String(m).padStart(2, '0')}/2025)`],
      ['STT', 'Đơn vị', 'BHXH tự nguyện', null, 'BHYT hộ gia đình', null, 'Dân số', 'Số người tham gia BHYT'],
      [null, null, 'Kế hoạch giao', 'Thực hiện', 'Kế hoạch giao', 'Thực hiện', null, null],
      ['A', 'B', '1', '2', '3', '4', '5', '6'],
    ];
    for (let c = 0; c < 200; c++) rows.push([c + 1, `Xã Thử Nghiệm ${c}`, 500 + c, 300 + c + m, 3000 + c, 2000 + c * 2 + m, 20000 + c, 18000 + c]);
    rows.push([null, 'Tổng cộng']);
    const ws = XLSX.utils.aoa_to_sheet(rows);
    ws['!merges'] = [{ s: { r: 3, c: 2 }, e: { r: 3, c: 3 } }, { s: { r: 3, c: 4 }, e: { r: 3, c: 5 } }];
    XLSX.utils.book_append_sheet(wb, ws, `T${m}`);
  }
  const file = join(dir, 'report-12-sheets.xlsx');
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
  // Phases from the preview's own progress events: parse ends when unit matching starts.
  const marks: { label: string; at: number }[] = [];
  const unsubscribe = core.events.subscribe((e) => {
    if (e.type === 'progress' && e.taskId === 'bench-12x200') marks.push({ label: e.label, at: performance.now() });
  });
  let t = performance.now();
  const preview = await core.dispatch('imports:preview', { file: core.files.registerPath(file), sheet: 'T9', operationId: 'bench-12x200' });
  const end = performance.now();
  unsubscribe();
  if (!preview.ok) throw new Error(preview.error.message);
  const matching = marks.find((m) => m.label === 'Đang đối chiếu đơn vị…')!.at;
  log('  read 12 sheets as grids, streaming', matching - t);
  log('  plan sheet T9 (find table, match 200 units, diff)', end - matching);
  log('imports:preview (open 12 × 200 workbook → preview)', end - t);
  const value = preview.value as { sessionId: string; changes: unknown[] };
  t = performance.now();
  const committed = await core.dispatch('imports:commit', { sessionId: value.sessionId });
  log(`imports:commit (${value.changes.length} values${env.engine === 'sqlite' ? ', backup included' : ''})`, performance.now() - t);
  if (!committed.ok) throw new Error(committed.error.message);
  t = performance.now();
  await readWorkbookStreamed(file, 'report-12-sheets.xlsx');
  log('  read again as grids, streaming, alone', performance.now() - t);
  // What reading cost before the streaming grid reader: SheetJS parsing the whole workbook.
  const bytes = readFileSync(file);
  t = performance.now();
  await readWorkbookInWorker(bytes, 'report-12-sheets.xlsx');
  log('  SheetJS whole parse in a fresh worker, for comparison', performance.now() - t);
  t = performance.now();
  readWorkbook(bytes, 'report-12-sheets.xlsx');
  log('  SheetJS whole parse on the calling thread, for comparison', performance.now() - t);
  await core.close();
}
