import { TARGET_SOURCE_LABELS, type DownloadRef, type TargetSource } from '../../../shared/contract';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { monthLabel, periodLabel, type Period } from '../../../shared/domain/periods';
import { formatDate } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import type { DownloadStore } from '../files/downloadStore';
import { comparisonTable } from '../results/compare';
import { dashboard } from '../results/dashboard';
import { resultGrid } from '../results/grid';
import { listTargets } from '../targets/service';
import { UnitRepository } from '../units/repository';
import { buildComparisonWorkbook } from './comparisonWorkbook';
import { exportFileName } from './fileNames';
import { buildTableWorkbook } from './tableWorkbook';

/** "BẢO HIỂM XÃ HỘI TỈNH PHÚ AN": the province above the unit shown, or the only province. */
export async function issuerFor(ctx: CoreContext, unitCode: string | null): Promise<string> {
  const units = new UnitRepository(ctx.store);
  // At most the tree's depth (three levels) of lookups.
  let unit = unitCode ? await units.byCode(unitCode) : null;
  while (unit && unit.parentId !== null) unit = await units.byId(unit.parentId);
  if (!unit) {
    const provinces = await units.list({ level: 'province', asOf: localToday(ctx.now()) });
    unit = provinces.length === 1 ? provinces[0]! : null;
  }
  const name = unit ? unit.name.replace(/\s*\(.*\)$/, '') : 'TỈNH';
  return `BẢO HIỂM XÃ HỘI ${name.toLocaleUpperCase('vi')}`;
}

function hasDemo(ctx: CoreContext): Promise<boolean> {
  return new UnitRepository(ctx.store).hasDemo();
}

interface ComparisonRequest {
  period: Period;
  indicatorCode: string;
  unitCode?: string | null;
  source?: TargetSource;
  viewDate?: string;
}

export async function exportComparison(ctx: CoreContext, downloads: DownloadStore, req: ComparisonRequest): Promise<DownloadRef> {
  const table = await comparisonTable(ctx, req);
  const bytes = await buildComparisonWorkbook(table, { issuer: await issuerFor(ctx, table.unitCode), generatedAt: ctx.now(), isDemo: await hasDemo(ctx) });
  return downloads.put(bytes, exportFileName('progress', [table.indicatorCode, table.unitCode, table.month]));
}

export async function exportCoverage(ctx: CoreContext, downloads: DownloadStore, req: Omit<ComparisonRequest, 'indicatorCode'>): Promise<DownloadRef> {
  const data = await dashboard(ctx, req);
  const total = (code: string) => data.kpis.find((k) => k.indicatorCode === code)?.rate ?? null;
  const shareTn = data.table.total.rate;
  const bytes = await buildTableWorkbook({
    sheetName: 'Bao phủ',
    issuer: await issuerFor(ctx, data.table.unitCode),
    title: 'Tỷ lệ bao phủ BHXH, BHYT, BHTN',
    subtitle: `${periodLabel(req.period)} — số liệu đến tháng ${monthLabel(data.table.month)}; đơn vị: ${data.table.unitName}`,
    isDemo: await hasDemo(ctx),
    columns: [
      { header: 'Đơn vị', width: 30, format: 'text' },
      { header: 'BHYT', group: 'Tỷ lệ bao phủ', width: 12, format: 'ratio' },
      { header: 'BHXH', group: 'Tỷ lệ bao phủ', width: 12, format: 'ratio' },
      { header: 'BHTN', group: 'Tỷ lệ bao phủ', width: 12, format: 'ratio' },
      { header: 'BHXH tự nguyện', group: 'Tỷ lệ bao phủ', width: 14, format: 'ratio' },
    ],
    rows: data.coverage.map((c) => [c.name, c.bhyt, c.bhxh, c.bhtn, c.voluntary]),
    total: [null, total('COV_BHYT'), total('COV_BHXH'), null, data.table.indicatorCode === 'BHXH_TN' ? shareTn : null],
    generatedAt: ctx.now(),
  });
  return downloads.put(bytes, exportFileName('coverage', [data.table.unitCode, data.table.month]));
}

export async function exportGrid(ctx: CoreContext, downloads: DownloadStore, req: { month: string; parentCode?: string | null }): Promise<DownloadRef> {
  const grid = await resultGrid(ctx, req);
  const sums = grid.indicators.map((i) => {
    const present = grid.rows.map((r) => r.values[i.code]).filter((v): v is number => v !== null && v !== undefined);
    return present.length ? present.reduce((a, b) => a + b, 0) : null;
  });
  const bytes = await buildTableWorkbook({
    sheetName: 'Kết quả',
    issuer: await issuerFor(ctx, grid.parentCode),
    title: `Kết quả thực hiện tháng ${monthLabel(grid.month)}`,
    subtitle: `${grid.parentName} — số liệu đến ngày ${formatDate(grid.asOf)} (đơn vị: người)`,
    isDemo: await hasDemo(ctx),
    columns: [
      { header: 'Mã', width: 9, format: 'text' },
      { header: 'Đơn vị', width: 26, format: 'text' },
      ...grid.indicators.map((i) => ({ header: i.name, width: 13, format: 'count' as const })),
    ],
    rows: grid.rows.map((r) => [r.code, r.name, ...grid.indicators.map((i) => r.values[i.code] ?? null)]),
    total: [null, null, ...sums],
    generatedAt: ctx.now(),
  });
  return downloads.put(bytes, exportFileName('results', [grid.parentCode, grid.month]));
}

export async function exportTargets(ctx: CoreContext, downloads: DownloadStore, req: { year: number; indicatorCode?: string }): Promise<DownloadRef> {
  const targets = await listTargets(ctx, req);
  const bytes = await buildTableWorkbook({
    sheetName: 'Chỉ tiêu',
    issuer: await issuerFor(ctx, targets[0]?.unitCode ?? null),
    title: `Chỉ tiêu kế hoạch năm ${req.year}`,
    subtitle: req.indicatorCode ? (indicatorByCode(req.indicatorCode)?.name ?? req.indicatorCode) : 'Tất cả chỉ tiêu',
    isDemo: await hasDemo(ctx),
    columns: [
      { header: 'Mã', width: 9, format: 'text' },
      { header: 'Đơn vị', width: 26, format: 'text' },
      { header: 'Chỉ tiêu', width: 22, format: 'text' },
      { header: 'Nguồn giao', width: 14, format: 'text' },
      { header: 'Số quyết định', width: 18, format: 'text' },
      { header: 'Ngày', width: 11, format: 'text' },
      { header: 'Lần điều chỉnh', width: 10, format: 'text' },
      { header: 'Số người', group: 'Giá trị', width: 12, format: 'count' },
      { header: 'Tỷ lệ', group: 'Giá trị', width: 10, format: 'ratio' },
    ],
    rows: targets.map((t) => [
      t.unitCode, t.unitName, indicatorByCode(t.indicatorCode)?.shortName ?? t.indicatorCode, TARGET_SOURCE_LABELS[t.source], t.decisionNo ?? '', formatDate(t.decisionDate),
      t.revision === 0 ? 'Gốc' : `Lần ${t.revision}`, t.isRate ? null : t.value, t.isRate ? t.value : null,
    ]),
    generatedAt: ctx.now(),
  });
  return downloads.put(bytes, exportFileName('targets', [req.year, req.indicatorCode]));
}
