import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { Comparison, ComparisonTable, ReportBlock, ReportDefinition, ReportDocument, ReportRow, ReportSort } from '../../shared/contract';
import { call, callError, expectVietnamese, FIXED_NOW, openTestCore } from '../helpers/core';

/** The demo province on the fixed clock (22/11/2026): results 01/2024 … 11/2026, three offices. */
async function demoCore(now: Date = FIXED_NOW): Promise<AppCore> {
  const core = await openTestCore({ now: () => now });
  await call(core, 'demo:load', {});
  return core;
}

const OCT_2026 = { kind: 'month' as const, year: 2026, index: 10 };

async function definition(core: AppCore, patch: Partial<ReportDefinition> = {}): Promise<ReportDefinition> {
  const defaults = await call(core, 'reports:defaults', { period: '2026-10' });
  return { ...defaults, ...patch };
}

async function build(core: AppCore, patch: Partial<ReportDefinition> = {}): Promise<ReportDocument> {
  return call(core, 'reports:build', { definition: await definition(core, patch) });
}

type Table = Extract<ReportBlock, { kind: 'table' }>;

function tables(doc: ReportDocument, sectionId: string): Table[] {
  const section = doc.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId} in ${doc.sections.map((s) => s.id).join(', ')}`);
  return section.blocks.filter((b): b is Table => b.kind === 'table');
}

function bodyRows(table: Table): ReportRow[] {
  return table.rows.filter((r) => r.emphasis !== 'total');
}

function totalRow(table: Table): ReportRow {
  const total = table.rows.filter((r) => r.emphasis === 'total');
  expect(total, 'exactly one total row').toHaveLength(1);
  return total[0]!;
}

const num = (v: string | number | null | undefined): number | null => (typeof v === 'number' ? v : null);
const sum = (values: (string | number | null | undefined)[]) => values.reduce<number>((s, v) => s + (num(v) ?? 0), 0);

/** The cells a unit table row should hold for a comparison: the plan in force and its %. */
function expectedCells(c: Comparison, monthIndex: number) {
  return {
    target: c.plan,
    actual: c.actual,
    progress: c.planProgress,
    sameLastYear: c.sameLastYear,
    deltaSame: c.deltaSameLastYear,
    endLastYear: c.endLastYear,
    deltaEnd: c.deltaEndLastYear,
    remaining: c.remaining,
    pace: monthIndex < 12 && c.monthlyPace !== null ? Math.ceil(c.monthlyPace) : null,
  };
}

function pick(cells: ReportRow['cells']) {
  const { target, actual, progress, sameLastYear, deltaSame, endLastYear, deltaEnd, remaining, pace } = cells;
  return { target, actual, progress, sameLastYear, deltaSame, endLastYear, deltaEnd, remaining, pace };
}

describe('reports:build on the demo province', () => {
  it('puts the sections in the chosen order, numbered I., II., III.', async () => {
    const core = await demoCore();
    const doc = await build(core, { sections: [{ id: 'unitTable' }, { id: 'tasks', text: 'Tăng cường tuyên truyền.' }, { id: 'headline' }, { id: 'coverage' }] });
    expect(doc.sections.map((s) => s.id)).toEqual(['unitTable', 'tasks', 'headline', 'coverage']);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      'I. KẾT QUẢ THEO ĐƠN VỊ',
      'II. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI',
      'III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
      'IV. TỶ LỆ BAO PHỦ BHXH, BHYT, BHTN',
    ]);
    expect(doc.sections[0]!.orientation).toBe('landscape');

    // All eight default sections: I … VIII.
    const full = await build(core);
    expect(full.sections.map((s) => s.heading.split('. ')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    expect(full.sections.map((s) => s.id)).toEqual(['headline', 'coverage', 'unitTable', 'rankings', 'progressChart', 'trendChart', 'assessment', 'tasks']);
  });

  it('refuses an unknown section id with a Vietnamese VALIDATION message naming it', async () => {
    const core = await demoCore();
    const err = await callError(core, 'reports:build', { definition: await definition(core, { sections: [{ id: 'headline' }, { id: 'agentsTable' }] }) });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('agentsTable');
  });

  it('validation messages of the definition are Vietnamese', async () => {
    const core = await demoCore();
    let err = await callError(core, 'reports:build', { definition: await definition(core, { sections: [] }) });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('Chọn ít nhất một phần của báo cáo');

    err = await callError(core, 'reports:build', { definition: await definition(core, { indicatorCodes: [] }) });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('Chọn ít nhất một chỉ tiêu');

    // A rate is not a count of people: refused for the table by unit.
    err = await callError(core, 'reports:build', { definition: await definition(core, { indicatorCodes: ['COV_BHYT'] }) });
    expect(err.code).toBe('VALIDATION');
    expectVietnamese(err.message);
    expect(err.message).toContain('COV_BHYT');
  });

  it('the default period follows the cut-off: before the 25th, last month; from the 25th, this month', async () => {
    const core = await demoCore();
    expect((await call(core, 'reports:defaults', {})).period).toBe('2026-10');
    const later = await openTestCore({ now: () => new Date('2026-11-26T09:00:00') });
    expect((await call(later, 'reports:defaults', {})).period).toBe('2026-11');
    const defaults = await call(core, 'reports:defaults', {});
    expect(defaults.place).toBe('Phú An');
    expect(defaults.sections.map((s) => s.id)).toEqual(['headline', 'coverage', 'unitTable', 'rankings', 'progressChart', 'trendChart', 'assessment', 'tasks']);
  });
});

describe('report figures agree with results:compare', () => {
  it('headline table: BHXH_TN target, actual and progress per source equal results:compare totals', async () => {
    const core = await demoCore();
    const doc = await build(core, { sections: [{ id: 'headline' }] });
    const [table] = tables(doc, 'headline');
    const rows = table!.rows;
    const start = rows.findIndex((r) => r.cells.indicator === 'BHXH tự nguyện');
    expect(start).toBeGreaterThanOrEqual(0);
    // The demo has BHXH Việt Nam and UBND tỉnh targets for BHXH_TN: two rows, the second without the indicator name.
    const tn = [rows[start]!, rows[start + 1]!];
    expect(tn[1]!.cells.indicator).toBe('');
    const sources = [['BHXH_VN', 'BHXH Việt Nam'], ['UBND_TINH', 'UBND tỉnh']] as const;
    for (const [i, [source, label]] of sources.entries()) {
      const cmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN', source });
      const t = cmp.total;
      expect(tn[i]!.cells.source, source).toContain(label);
      expect(t.target, source).not.toBeNull();
      expect(tn[i]!.cells.target, source).toBe(t.plan);
      expect(tn[i]!.cells.actual, source).toBe(t.actual);
      expect(tn[i]!.cells.progress, source).toBeCloseTo(t.planProgress!, 12);
      expect(tn[i]!.cells.remaining, source).toBe(t.remaining);
      expect(tn[i]!.cells.deltaSame, source).toBe(t.deltaSameLastYear);
      expect(tn[i]!.cells.deltaEnd, source).toBe(t.deltaEndLastYear);
    }
    // Progress is actual ÷ target, as printed.
    expect(num(tn[0]!.cells.progress)).toBeCloseTo(num(tn[0]!.cells.actual)! / num(tn[0]!.cells.target)!, 12);
  });

  it('unit table rows equal results:compare rows unit by unit; the total is the sum of the rows', async () => {
    const core = await demoCore();
    const doc = await build(core, { sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN', 'BHYT_HGD'] });
    const [tnTable, hgdTable] = tables(doc, 'unitTable');
    expect(tnTable!.caption).toContain('Người tham gia BHXH tự nguyện');
    expect(hgdTable!.caption).toContain('BHYT hộ gia đình');
    for (const [code, table] of [['BHXH_TN', tnTable!], ['BHYT_HGD', hgdTable!]] as const) {
      const cmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: code });
      const body = bodyRows(table);
      expect(body, code).toHaveLength(cmp.rows.length);
      expect(body).toHaveLength(16);
      for (const c of cmp.rows) {
        const row = body.find((r) => r.cells.name === c.name);
        expect(row, `${code} row for ${c.name}`).toBeDefined();
        expect(pick(row!.cells), `${code} ${c.name}`).toEqual(expectedCells(c, 10));
      }
      expect(body.map((r) => r.cells.index)).toEqual(body.map((_, i) => i + 1));
      // No commune is missing in the demo: the total row sums the rows for counts.
      expect(cmp.total.missingUnits).toBe(0);
      const total = totalRow(table);
      expect(total.cells.name).toBe('Tổng cộng');
      for (const key of ['actual', 'target', 'sameLastYear', 'endLastYear', 'deltaSame', 'deltaEnd']) {
        expect(num(total.cells[key]), `${code} total ${key}`).not.toBeNull();
        expect(total.cells[key], `${code} total ${key}`).toBe(sum(body.map((r) => r.cells[key])));
      }
      expect(total.cells.actual).toBe(cmp.total.actual);
      expect(num(total.cells.progress)).toBeCloseTo(num(total.cells.actual)! / num(total.cells.target)!, 12);
    }
  });

  it('orders the unit table by the chosen sort', async () => {
    const core = await demoCore();
    const cmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' });
    const codeOf = new Map(cmp.rows.map((r) => [r.name, r.code]));
    const rowsFor = async (sort: ReportSort) => bodyRows(tables(await build(core, { sort, sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] }), 'unitTable')[0]!);
    const progressOf = (r: ReportRow) => num(r.cells.progress)!;

    const desc = await rowsFor('progress-desc');
    expect(desc.every((r) => num(r.cells.progress) !== null)).toBe(true);
    expect(desc.map(progressOf)).toEqual([...desc.map(progressOf)].sort((a, b) => b - a));
    const asc = await rowsFor('progress-asc');
    expect(asc.map(progressOf)).toEqual([...asc.map(progressOf)].sort((a, b) => a - b));
    expect(asc.map((r) => r.cells.name)).not.toEqual(desc.map((r) => r.cells.name));

    const byActual = await rowsFor('actual-desc');
    expect(byActual.map((r) => num(r.cells.actual))).toEqual([...byActual.map((r) => num(r.cells.actual)!)].sort((a, b) => b - a));

    const collator = new Intl.Collator('vi');
    const byName = (await rowsFor('name')).map((r) => String(r.cells.name));
    expect(byName).toEqual([...byName].sort((a, b) => collator.compare(a, b)));
    expect(byName).toHaveLength(16);

    const byCode = (await rowsFor('code')).map((r) => codeOf.get(String(r.cells.name))!);
    expect(byCode.every(Boolean)).toBe(true);
    expect(byCode).toEqual([...byCode].sort((a, b) => Number(a) - Number(b)));
    // The index column restarts at 1 in every order.
    expect((await rowsFor('code')).map((r) => r.cells.index)).toEqual(byCode.map((_, i) => i + 1));
  });
});

describe('office (BHXH cơ sở) scope', () => {
  it('scopeCode = an office code sums that office’s communes', async () => {
    const core = await demoCore();
    const offices = await call(core, 'offices:list', {});
    expect(offices.map((o) => o.code)).toEqual(['9901', '9902', '9903']);
    const cmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' });
    for (const office of offices) {
      const doc = await build(core, { scopeCode: office.code, sections: [{ id: 'unitTable' }, { id: 'headline' }], indicatorCodes: ['BHXH_TN'] });
      expect(doc.scopeName).toBe(office.name);
      expect(doc.header.subtitle).toContain(office.name);
      // The office issues its own report, under the province office (Decree 30 two-line issuer).
      expect(doc.header.issuerParent).toBe('BẢO HIỂM XÃ HỘI TỈNH PHÚ AN');
      expect(doc.header.issuer).toBe(office.name.toLocaleUpperCase('vi'));
      const mine = cmp.rows.filter((r) => office.communeCodes.includes(r.code));
      expect(mine.length, office.code).toBeGreaterThan(0);
      const table = tables(doc, 'unitTable')[0]!;
      const body = bodyRows(table);
      expect(body.map((r) => r.cells.name).sort(), office.code).toEqual(mine.map((r) => r.name).sort());
      const expected = sum(mine.map((r) => r.actual));
      expect(totalRow(table).cells.actual, office.code).toBe(expected);
      expect(totalRow(table).cells.actual, office.code).toBe(sum(body.map((r) => r.cells.actual)));
      expect(totalRow(table).cells.sameLastYear, office.code).toBe(sum(mine.map((r) => r.sameLastYear)));
      expect(totalRow(table).cells.target, office.code).toBe(sum(mine.map((r) => r.plan)));
      // The headline states the office's figure too.
      const headline = tables(doc, 'headline')[0]!;
      const tn = headline.rows.find((r) => r.cells.indicator === 'BHXH tự nguyện')!;
      expect(tn.cells.actual, office.code).toBe(expected);
    }
  });

  it('groupBy office at province scope: one row per office, their sum is the province total', async () => {
    const core = await demoCore();
    const offices = await call(core, 'offices:list', {});
    const doc = await build(core, { groupBy: 'office', sort: 'code', sections: [{ id: 'unitTable' }, { id: 'coverage' }], indicatorCodes: ['BHXH_TN', 'BHYT_HGD'] });
    for (const [code, table] of [['BHXH_TN', tables(doc, 'unitTable')[0]!], ['BHYT_HGD', tables(doc, 'unitTable')[1]!]] as const) {
      const cmp = await call(core, 'results:compare', { period: OCT_2026, indicatorCode: code });
      const body = bodyRows(table);
      expect(body.map((r) => r.cells.name), code).toEqual(offices.map((o) => o.name));
      expect(table.columns.find((c) => c.key === 'name')!.label).toBe('BHXH cơ sở');
      for (const office of offices) {
        const row = body.find((r) => r.cells.name === office.name)!;
        const communes = cmp.rows.filter((r) => office.communeCodes.includes(r.code));
        expect(row.cells.actual, `${code} ${office.code}`).toBe(sum(communes.map((r) => r.actual)));
      }
      expect(sum(body.map((r) => r.cells.actual)), code).toBe(cmp.total.actual);
      expect(totalRow(table).cells.actual, code).toBe(cmp.total.actual);
      expect(totalRow(table).cells.sameLastYear, code).toBe(sum(body.map((r) => r.cells.sameLastYear)));
      expect(totalRow(table).cells.target, code).toBe(sum(body.map((r) => r.cells.target)));
      // Every commune is served by an office: no "unassigned" note.
      expect(table.notes.join(' ')).not.toContain('Chưa thuộc BHXH cơ sở');
    }
    const coverage = tables(doc, 'coverage')[0]!;
    expect(bodyRows(coverage).map((r) => r.cells.name)).toEqual(offices.map((o) => o.name));
  });

  it('before the 2025 reform an office sums its old communes on that month’s tree', async () => {
    const core = await demoCore();
    const MAR_2025 = { kind: 'month' as const, year: 2025, index: 3 };
    // 9901 (BHXH cơ sở Phú An) served the old district 991 (Thành phố Phú An) until 30/06/2025.
    const district = await call(core, 'results:compare', { period: MAR_2025, indicatorCode: 'BHXH_TN', unitCode: '991', viewDate: '2025-03-31' });
    expect(district.rows.length).toBeGreaterThan(0);
    const doc = await call(core, 'reports:build', { definition: await definition(core, { period: '2025-03', scopeCode: '9901', sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] }) });
    const table = tables(doc, 'unitTable')[0]!;
    expect(bodyRows(table).map((r) => r.cells.name).sort()).toEqual(district.rows.map((r) => r.name).sort());
    expect(totalRow(table).cells.actual).toBe(district.total.actual);
    expect(totalRow(table).cells.target).toBe(district.total.plan);

    // Grouped by office, the three offices still add up to the province.
    const province = await call(core, 'results:compare', { period: MAR_2025, indicatorCode: 'BHXH_TN', viewDate: '2025-03-31' });
    const grouped = await call(core, 'reports:build', { definition: await definition(core, { period: '2025-03', groupBy: 'office', sections: [{ id: 'unitTable' }], indicatorCodes: ['BHXH_TN'] }) });
    const byOffice = tables(grouped, 'unitTable')[0]!;
    expect(bodyRows(byOffice)).toHaveLength(3);
    expect(sum(bodyRows(byOffice).map((r) => r.cells.actual))).toBe(province.total.actual);
    expect(totalRow(byOffice).cells.actual).toBe(province.total.actual);
  });

  it('an unknown scope code is refused with a message naming it', async () => {
    const core = await demoCore();
    const err = await callError(core, 'reports:build', { definition: await definition(core, { scopeCode: '98765' }) });
    expect(['NOT_FOUND', 'VALIDATION']).toContain(err.code);
    expectVietnamese(err.message);
    expect(err.message).toContain('98765');
  });
});

describe('coverage table', () => {
  it('rates are recomputed from sums (BHYT ÷ POP at the total), never averaged', async () => {
    const core = await demoCore();
    const doc = await build(core, { sections: [{ id: 'coverage' }] });
    const table = tables(doc, 'coverage')[0]!;
    const totals = async (code: string): Promise<ComparisonTable> => call(core, 'results:compare', { period: OCT_2026, indicatorCode: code });
    const [bhyt, pop, bb, tn, labour, bhtn] = await Promise.all(['BHYT', 'POP', 'BHXH_BB', 'BHXH_TN', 'LABOUR', 'BHTN'].map(totals));
    const total = totalRow(table);
    expect(total.cells.name).toBe('Tổng cộng');
    expect(num(total.cells.bhyt)).toBeCloseTo(bhyt!.total.actual! / pop!.total.actual!, 12);
    expect(num(total.cells.bhxh)).toBeCloseTo((bb!.total.actual! + tn!.total.actual!) / labour!.total.actual!, 12);
    expect(num(total.cells.bhtn)).toBeCloseTo(bhtn!.total.actual! / labour!.total.actual!, 12);
    expect(num(total.cells.voluntary)).toBeCloseTo(tn!.total.actual! / labour!.total.actual!, 12);
    const body = bodyRows(table);
    expect(body).toHaveLength(16);
    const average = sum(body.map((r) => r.cells.bhyt)) / body.length;
    expect(Math.abs(average - num(total.cells.bhyt)!)).toBeGreaterThan(1e-9);
    // One commune checked against its own counts.
    const first = bhyt!.rows[0]!;
    const row = body.find((r) => r.cells.name === first.name)!;
    const popRow = pop!.rows.find((r) => r.code === first.code)!;
    expect(num(row.cells.bhyt)).toBeCloseTo(first.actual! / popRow.actual!, 12);
  });
});

describe('reporting month', () => {
  // Fixed clock 22/11/2026. Asking for December 2026 silently builds November (Figures clamps a
  // month of the current year to the current month): the document and its title say "tháng 11",
  // while the definition and the saved summary's period say 2026-12. March 2027 is not clamped
  // (another year) and builds a report of empty cells. A month that has not begun has no figures.
  it('refuses a month after the current one instead of reporting another month or empty figures', async () => {
    const core = await demoCore();
    for (const period of ['2026-12', '2027-03']) {
      const result = await core.dispatch('reports:build', { definition: await definition(core, { period, sections: [{ id: 'headline' }, { id: 'unitTable' }] }) });
      if (result.ok) {
        const doc = result.value as ReportDocument;
        expect.fail(`period ${period} was built as month ${doc.month} with cut-off ${doc.header.cutoff}`);
      }
      expect(result.error.code, period).toBe('VALIDATION');
      expectVietnamese(result.error.message);
    }
  });
});

describe('document header and free text', () => {
  it('free text round-trips; header lines, issue date and cut-off', async () => {
    const core = await demoCore();
    const assessment = 'Kết quả tháng 10 tăng khá nhờ tháng cao điểm.\nTồn tại: một số xã còn chậm.';
    const doc = await build(core, {
      issueDate: '2026-11-05',
      docNumber: '125/BC-BHXH',
      sections: [{ id: 'assessment', text: `  ${assessment}  ` }, { id: 'tasks', text: 'Đẩy mạnh đối thoại chính sách.' }, { id: 'headline' }],
    });
    const texts = doc.sections.flatMap((s) => s.blocks.filter((b): b is Extract<ReportBlock, { kind: 'freeText' }> => b.kind === 'freeText'));
    expect(texts.map((t) => t.text)).toEqual([assessment, 'Đẩy mạnh đối thoại chính sách.']);
    expect(doc.definition.sections[0]!.text).toContain(assessment);
    expect(doc.header.issuer).toBe('BẢO HIỂM XÃ HỘI TỈNH PHÚ AN');
    expect(doc.header.issuerParent).toBe('BẢO HIỂM XÃ HỘI VIỆT NAM');
    expect(doc.header.motto).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.header.mottoSub).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(doc.header.placeDate).toBe('Phú An, ngày 05 tháng 11 năm 2026');
    expect(doc.header.docNumber).toBe('Số: 125/BC-BHXH');
    expect(doc.header.title).toBe('BÁO CÁO');
    expect(doc.header.cutoff).toBe('(Số liệu tính đến ngày 25/10/2026)');
    expect(doc.cutoffDate).toBe('2026-10-25');
    expect(doc.month).toBe('2026-10');
    expect(doc.scopeName).toBe('Tỉnh Phú An');
    expect(doc.isDemo).toBe(true);
    expect(doc.builtAt).toBe(FIXED_NOW.toISOString());

    // Without an issue date the day and month are left blank for the clerk.
    const blank = await build(core, { sections: [{ id: 'headline' }] });
    expect(blank.header.placeDate).toMatch(/^Phú An, ngày\s+tháng\s+năm 2026$/);
    expect(blank.header.placeDate).not.toMatch(/\d{2} tháng/);
  });

  it('December closes on 31/12', async () => {
    const core = await demoCore();
    const doc = await call(core, 'reports:build', { definition: { ...(await definition(core)), period: '2025-12', sections: [{ id: 'headline' }] } });
    expect(doc.header.cutoff).toBe('(Số liệu tính đến ngày 31/12/2025)');
    expect(doc.cutoffDate).toBe('2025-12-31');
    expect(doc.month).toBe('2025-12');
    const first = doc.sections[0]!.blocks[0]!;
    expect(first.kind === 'paragraph' && first.text).toContain('Đến ngày 31/12/2025');
    // December has no monthly pace left to state.
    const table = tables(doc, 'headline')[0]!;
    expect(table.rows.every((r) => r.cells.pace === null)).toBe(true);
    // The December figure is the one results:compare gives for the month.
    const cmp = await call(core, 'results:compare', { period: { kind: 'month', year: 2025, index: 12 }, indicatorCode: 'BHXH_TN', source: 'BHXH_VN' });
    expect(table.rows.find((r) => r.cells.indicator === 'BHXH tự nguyện')!.cells.actual).toBe(cmp.total.actual);
  });
});

describe('a commune as the scope', () => {
  it('says it has no units below instead of empty tables and charts; the headline and trend still speak for it', async () => {
    const core = await demoCore();
    const doc = await build(core, { scopeCode: '99500' });
    expect(doc.scopeName).toBe('Phường Phú An');
    for (const id of ['unitTable', 'rankings', 'progressChart']) {
      const section = doc.sections.find((s) => s.id === id)!;
      expect(section.blocks, id).toEqual([{ kind: 'paragraph', text: 'Phường Phú An không có đơn vị cấp dưới; số liệu của đơn vị đã nêu ở các phần trên.' }]);
    }
    expect(tables(doc, 'coverage')).toHaveLength(0);
    expect(tables(doc, 'headline')[0]!.rows.length).toBeGreaterThan(0);
    const trend = doc.sections.find((s) => s.id === 'trendChart')!.blocks[0] as Extract<ReportBlock, { kind: 'chart' }>;
    expect(trend.series[0]!.values.slice(0, 10).every((v) => typeof v === 'number')).toBe(true);
  });
});
