import { describe, expect, it } from 'vitest';
import type { AppCore } from '../../electron/core/app/appCore';
import type { ReportBlock, ReportDocument } from '../../shared/contract';
import { formatPercent } from '../../shared/format/vi';
import { call, FIXED_NOW, openTestCore } from '../helpers/core';

/** The demo province on the fixed clock (22/11/2026): dashboard and report open on October. */
async function demoCore(): Promise<AppCore> {
  const core = await openTestCore({ now: () => FIXED_NOW });
  await call(core, 'demo:load', {});
  return core;
}

const OCT_2026 = { kind: 'month' as const, year: 2026, index: 10 };
const COMMUNE = 'Xã Thuận An';

type Table = Extract<ReportBlock, { kind: 'table' }>;
type Chart = Extract<ReportBlock, { kind: 'chart' }>;

function blocks(doc: ReportDocument, id: string): ReportBlock[] {
  return doc.sections.find((s) => s.id === id)!.blocks;
}

describe('a revised plan stands in for the original in every figure', () => {
  it('the commune gets the same % of plan on dashboard:get, results:compare and reports:build', async () => {
    const core = await demoCore();
    const original = (await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' })).rows.find((r) => r.name === COMMUNE)!;
    // The demo's best commune: leads while measured against its original plan.
    expect(original.revisedTarget).toBeNull();
    expect(original.plan).toBe(original.target);
    expect(original.planProgress).toBe(original.progress);
    expect((await call(core, 'dashboard:get', { period: OCT_2026 })).best[0]!.name).toBe(COMMUNE);

    // A kế hoạch điều chỉnh raises its plan to 3,3 times the original.
    const revised = Math.round(original.target! * 3.3);
    await call(core, 'targets:set', { unitCode: original.code, indicatorCode: 'BHXH_TN', year: 2026, value: revised, source: original.targetSource!, revise: true });
    const share = original.actual! / revised;

    const compared = (await call(core, 'results:compare', { period: OCT_2026, indicatorCode: 'BHXH_TN' })).rows.find((r) => r.code === original.code)!;
    // Existing fields keep their meaning; plan and planProgress are the plan in force.
    expect(compared).toMatchObject({ target: original.target, progress: original.progress, revisedTarget: revised, plan: revised, remaining: revised - original.actual! });
    expect(compared.planProgress).toBeCloseTo(share, 12);
    expect(compared.revisedProgress).toBe(compared.planProgress);

    const dash = await call(core, 'dashboard:get', { period: OCT_2026 });
    const onDashboard = dash.table.rows.find((r) => r.code === original.code)!;
    expect(onDashboard.planProgress).toBe(compared.planProgress);
    // Below 80% now: no longer a leader, and the lowest of those needing a push.
    expect(dash.best.map((r) => r.code)).not.toContain(original.code);
    expect(dash.worst[0]!.code).toBe(original.code);
    const tn = dash.kpis.find((k) => k.indicatorCode === 'BHXH_TN')!;
    expect(tn.planProgress).toBeCloseTo(tn.actual! / tn.plan!, 12);

    const definition = await call(core, 'reports:defaults', {});
    expect(definition.period).toBe('2026-10');
    const doc = await call(core, 'reports:build', { definition });
    const unitTable = blocks(doc, 'unitTable')[0] as Table;
    const row = unitTable.rows.find((r) => r.cells.name === COMMUNE)!;
    expect(row.cells.progress).toBe(compared.planProgress);
    expect(row.cells.target).toBe(revised);
    expect(row.cells.remaining).toBe(revised - original.actual!);
    // Sorted by % of plan: the revised commune is last, as it is on the dashboard.
    expect(unitTable.rows.filter((r) => r.emphasis !== 'total').at(-1)!.cells.name).toBe(COMMUNE);
    expect(unitTable.notes.join(' ')).toContain(`${COMMUNE} (ban đầu ${original.target!.toLocaleString('vi-VN')} người)`);

    const [leaders, laggards] = blocks(doc, 'rankings').filter((b): b is Table => b.kind === 'table');
    expect(leaders!.caption).toMatch(/^5 đơn vị dẫn đầu/);
    expect(leaders!.rows.map((r) => r.cells.name)).not.toContain(COMMUNE);
    expect(laggards!.rows[0]!.cells).toMatchObject({ rank: '16', name: COMMUNE, target: revised, progress: compared.planProgress });
    const text = (blocks(doc, 'rankings')[0] as Extract<ReportBlock, { kind: 'paragraph' }>).text;
    expect(text).toContain(`${COMMUNE} (${formatPercent(share)})`);

    const chart = blocks(doc, 'progressChart')[0] as Chart;
    expect(chart.series[0]!.values[chart.labels.indexOf(COMMUNE)]).toBe(compared.planProgress);
  });
});
