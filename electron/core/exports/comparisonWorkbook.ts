import ExcelJS from 'exceljs';
import { isPlanRevised } from '../../../shared/calc/plan';
import type { Comparison, ComparisonTable } from '../../../shared/contract/resultsTypes';
import { indicatorByCode } from '../../../shared/domain/indicators';
import { monthLabel } from '../../../shared/domain/periods';
import { formatDateTime } from '../../../shared/format/vi';
import { NUM_FMT, font } from './excelStyles';
import {
  applyBorders,
  textRowHeight,
  mergeWrite,
  setA4Page,
  writeNote,
  writeNumber,
  writeTableHeader,
  writeText,
  writeTitleBlock,
  type HeaderColumn,
} from './sheetLayout';

export interface ComparisonWorkbookMeta {
  /** "BẢO HIỂM XÃ HỘI TỈNH …" */
  issuer: string;
  generatedAt: Date;
  isDemo: boolean;
}

export const COMPARISON_SHEET_NAME = 'Tiến độ';
export const DEMO_WARNING = 'DỮ LIỆU MẪU — không phải số liệu thật';
export const TOTAL_LABEL = 'Tổng cộng';

interface FigureColumn extends HeaderColumn {
  value: (row: Comparison) => number | null;
  numFmt: string;
}

/**
 * The figure columns after "STT" and "Đơn vị". For a rate indicator (coverage) the levels and
 * their differences are ratios (differences in percentage points); "còn phải thực hiện" and the
 * monthly pace stay people (DOMAIN.md: people still needed = target rate × population − covered).
 */
function figureColumns(isRate: boolean): FigureColumn[] {
  const level = isRate ? NUM_FMT.ratio : NUM_FMT.count;
  const change = isRate ? NUM_FMT.signedRatio : NUM_FMT.signedCount;
  return [
    { header: 'Thực hiện', number: '1', width: 12, value: (r) => (isRate ? (r.actual ?? r.rate) : r.actual), numFmt: level },
    { group: 'Kế hoạch giao', header: 'Kế hoạch', number: '2', width: 12, value: (r) => r.target, numFmt: level },
    { group: 'Kế hoạch giao', header: '% KH', number: '3=1/2', width: 9, value: (r) => r.progress, numFmt: NUM_FMT.ratio },
    { group: 'Kế hoạch điều chỉnh', header: 'Kế hoạch', number: '4', width: 12, value: (r) => r.revisedTarget, numFmt: level },
    { group: 'Kế hoạch điều chỉnh', header: '% KH', number: '5=1/4', width: 9, value: (r) => r.revisedProgress, numFmt: NUM_FMT.ratio },
    { group: 'So với cùng kỳ năm trước', header: 'Cùng kỳ', number: '6', width: 12, value: (r) => r.sameLastYear, numFmt: level },
    {
      group: 'So với cùng kỳ năm trước',
      header: isRate ? 'Tăng/giảm (điểm %)' : 'Tăng/giảm (người)',
      number: '7=1-6',
      width: 11,
      value: (r) => r.deltaSameLastYear,
      numFmt: change,
    },
    {
      group: 'So với cùng kỳ năm trước',
      header: 'Tăng/giảm (%)',
      number: '8=7/6',
      width: 9,
      value: (r) => r.deltaSameLastYearRatio,
      numFmt: NUM_FMT.signedRatio,
    },
    { group: 'So với 31/12 năm trước', header: '31/12', number: '9', width: 12, value: (r) => r.endLastYear, numFmt: level },
    { group: 'So với 31/12 năm trước', header: 'Tăng/giảm', number: '10=1-9', width: 11, value: (r) => r.deltaEndLastYear, numFmt: change },
    { header: 'Còn phải thực hiện', number: '11', width: 12, value: (r) => r.remaining, numFmt: NUM_FMT.count },
    {
      header: 'Bình quân cần/tháng',
      number: '12',
      width: 12,
      // People are whole: the pace needed is rounded up so the sheet never understates it.
      value: (r) => (r.monthlyPace === null ? null : Math.ceil(r.monthlyPace - 1e-9)),
      numFmt: NUM_FMT.count,
    },
  ];
}

const NAME_WIDTH = 28;

const LEAD_COLUMNS: HeaderColumn[] = [
  { header: 'STT', number: 'A', width: 5 },
  { header: 'Đơn vị', number: 'B', width: NAME_WIDTH },
];

/**
 * The comparison table (progress against targets, same period last year, end of last year,
 * remaining and monthly pace) as a formatted A4-landscape workbook ready to print or compute with.
 */
export async function buildComparisonWorkbook(table: ComparisonTable, meta: ComparisonWorkbookMeta): Promise<Buffer> {
  const isRate = indicatorByCode(table.indicatorCode)?.kind === 'rate';
  const figures = figureColumns(isRate);
  const columns: HeaderColumn[] = [...LEAD_COLUMNS, ...figures];
  const width = columns.length;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'BHXH Desk';
  wb.created = meta.generatedAt;
  wb.modified = meta.generatedAt;
  wb.title = `Tiến độ thực hiện chỉ tiêu ${table.indicatorName}`;
  const ws = wb.addWorksheet(COMPARISON_SHEET_NAME);

  const headerRow = writeTitleBlock(ws, {
    issuer: meta.issuer.toLocaleUpperCase('vi'),
    title: `TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU ${table.indicatorName.toLocaleUpperCase('vi')}`,
    subtitle: `${table.periodLabel} — số liệu đến tháng ${monthLabel(table.month)}; đơn vị: ${table.unitName}`,
    warning: meta.isDemo ? DEMO_WARNING : undefined,
    width,
  });
  const header = writeTableHeader(ws, headerRow, columns);

  let row = header.lastRow + 1;
  const firstDataRow = row;
  let missingNote = false;
  table.rows.forEach((unit, i) => {
    writeText(ws.getCell(row, 1), i + 1, { horizontal: 'center' });
    const incomplete = unit.missingUnits > 0;
    if (incomplete) missingNote = true;
    const name = incomplete ? `${unit.name} (*)` : unit.name;
    writeText(ws.getCell(row, 2), name, { wrap: true });
    ws.getRow(row).height = textRowHeight(name, NAME_WIDTH);
    figures.forEach((column, k) => writeNumber(ws.getCell(row, 3 + k), column.value(unit), column.numFmt));
    row += 1;
  });

  const totalRow = row;
  mergeWrite(
    ws,
    { top: totalRow, left: 1, bottom: totalRow, right: 2 },
    table.total.missingUnits > 0 ? `${TOTAL_LABEL} (*)` : TOTAL_LABEL,
    {
      font: font({ bold: true }),
      alignment: { horizontal: 'center', vertical: 'middle' },
    },
  );
  if (table.total.missingUnits > 0) missingNote = true;
  figures.forEach((column, k) => writeNumber(ws.getCell(totalRow, 3 + k), column.value(table.total), column.numFmt, true));

  const tableRange = { top: header.firstRow, left: 1, bottom: totalRow, right: width };
  applyBorders(ws, tableRange);

  row = totalRow + 1;
  if (missingNote) {
    writeNote(ws, row, width, '(*) Số liệu thực hiện chưa đủ: còn đơn vị cấp dưới chưa có số liệu của tháng.');
    row += 1;
  }
  if ([...table.rows, table.total].some(isPlanRevised)) {
    // The plan rule (shared/calc/plan.ts): what is left to do is measured against the plan in force.
    writeNote(ws, row, width, 'Còn phải thực hiện (11) và bình quân cần/tháng (12) tính theo kế hoạch điều chỉnh (4) nơi có, nơi khác theo kế hoạch giao (2).');
    row += 1;
  }
  const footerRow = row + 1;
  writeNote(ws, footerRow, width, `Ngày xuất: ${formatDateTime(meta.generatedAt.toISOString())}`, { horizontal: 'right' });

  setA4Page(ws, {
    printTitleRows: [header.firstRow, header.lastRow],
    printArea: { top: 1, left: 1, bottom: footerRow, right: width },
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: header.lastRow, topLeftCell: `C${firstDataRow}`, activeCell: `C${firstDataRow}` }];

  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
