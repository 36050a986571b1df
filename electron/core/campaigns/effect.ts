/**
 * A campaign's effect on the stocks of its units: BHXH_TN and BHYT_HGD read from the results
 * (a month's figure is its last as-of date, standing on the month's last day), put on today's
 * unit tree and summed by the results' own aggregation, then compared over windows by
 * shared/calc/campaignEffect.ts.
 */
import { AppError, type CampaignEffect, type CampaignEffectRow } from '../../../shared/contract';
import { effectOf, effectWindows, sumEffects, type EffectFigures, type EffectWindow, type EffectWindows, type StockPoint } from '../../../shared/calc/campaignEffect';
import { CAMPAIGN_PRODUCT_INDICATOR, CAMPAIGN_PRODUCT_SHORT, CAMPAIGN_PRODUCTS, type CampaignKind, type CampaignProduct } from '../../../shared/domain/campaigns';
import { addMonths, monthBounds, monthLabel } from '../../../shared/domain/periods';
import { formatDate } from '../../../shared/format/vi';
import { localToday, type CoreContext } from '../app/context';
import { revisions } from '../db/revisions';
import { OfficeRepository, type MembershipRow } from '../offices/repository';
import { covers } from '../offices/rules';
import { aggregate, type Aggregated } from '../results/aggregate';
import { loadMonths } from '../results/snapshots';
import { viewTree, type ViewTree } from '../units/viewTree';
import { CampaignRepository, type CampaignListRow } from './campaignRepository';

export const DEFAULT_EFFECT_WEEKS = 4;

/** What an effect is measured on: nodes of today's tree. */
interface Scope {
  name: string;
  nodes: number[];
}

/** What the effect of one campaign needs to know about it. */
export interface EffectSubject {
  startsOn: string;
  officeId: number | null;
  officeName: string | null;
  unitIds: number[];
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The months whose figures the windows read: the month before the earliest day to the month of the last. */
function monthsFor(windows: EffectWindows[]): string[] {
  if (windows.length === 0) return [];
  const days = windows.flatMap((w) => [w.before.from, w.after.to, w.lastYear.from, w.lastYear.to]);
  const first = days.reduce((a, b) => (a < b ? a : b)).slice(0, 7);
  const last = days.reduce((a, b) => (a > b ? a : b)).slice(0, 7);
  return monthsBetween(addMonths(first, -1), last);
}

/**
 * Month stocks of the scope nodes, read once for every campaign of a request: loadMonths reads
 * exactly these months (one query, cached until results change), aggregate puts them on the tree.
 */
class StockBook {
  private aggregated = new Map<string, Map<number, Aggregated>>();

  private constructor(
    readonly tree: ViewTree,
    private readonly months: string[],
    private readonly recorded: (month: string, indicator: string) => Map<number, number>,
  ) {}

  static async open(ctx: CoreContext, months: string[]): Promise<StockBook> {
    const revs = await revisions(ctx.store);
    const tree = await viewTree(ctx.store, localToday(ctx.now()), revs);
    const indicators = CAMPAIGN_PRODUCTS.map((p) => CAMPAIGN_PRODUCT_INDICATOR[p]);
    const recorded = await loadMonths(ctx.store, revs.results, months.length ? [{ months, indicators }] : []);
    return new StockBook(tree, months, recorded);
  }

  private agg(month: string, indicator: string): Map<number, Aggregated> {
    const key = `${month}|${indicator}`;
    let a = this.aggregated.get(key);
    if (!a) this.aggregated.set(key, (a = aggregate(this.tree, this.recorded(month, indicator))));
    return a;
  }

  /** The scope's stock at the end of each month where every scope node has a figure. */
  points(product: CampaignProduct, nodes: number[], months: string[] = this.months): StockPoint[] {
    const out: StockPoint[] = [];
    if (nodes.length === 0) return out;
    for (const month of months) {
      const agg = this.agg(month, CAMPAIGN_PRODUCT_INDICATOR[product]);
      let sum = 0;
      let complete = true;
      for (const id of nodes) {
        const v = agg.get(id)?.value ?? null;
        if (v === null) {
          complete = false;
          break;
        }
        sum += v;
      }
      if (complete) out.push({ day: monthBounds(month).to, value: sum });
    }
    return out;
  }
}

/** Scope of a campaign on the tree: its units (old ones through their successors), else its office's communes, else the province. */
function scopeOf(tree: ViewTree, c: EffectSubject, memberships: () => MembershipRow[]): Scope {
  const toNodes = (ids: number[]) => {
    const set = new Set<number>();
    for (const id of ids) for (const hit of tree.nodes.has(id) ? [{ id }] : tree.mapTo(id)) set.add(hit.id);
    // A unit chosen with its own parent is counted once, in the parent.
    const underAnother = (id: number) => {
      for (let at = tree.nodes.get(id)?.parentId ?? null; at !== null; at = tree.nodes.get(at)?.parentId ?? null) if (set.has(at)) return true;
      return false;
    };
    return [...set].filter((id) => !underAnother(id));
  };
  if (c.unitIds.length > 0) {
    const nodes = toNodes(c.unitIds);
    const names = nodes.map((id) => tree.nodes.get(id)!.name);
    const name = names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} và ${names.length - 2} đơn vị khác`;
    return { name: name || 'Các đơn vị đã chọn', nodes };
  }
  if (c.officeId !== null) {
    const ids = memberships().filter((m) => m.officeId === c.officeId && covers({ validFrom: m.validFrom, validTo: m.validTo }, c.startsOn)).map((m) => m.unitId);
    const nodes = toNodes(ids);
    return { name: `${c.officeName ?? 'BHXH cơ sở'} (${nodes.length} xã, phường)`, nodes };
  }
  return { name: 'Toàn tỉnh', nodes: tree.roots };
}

const WINDOW_LABELS: Record<keyof EffectWindows, string> = {
  after: 'các tuần sau khi bắt đầu',
  before: 'các tuần ngay trước đó',
  lastYear: 'cùng kỳ năm trước',
};

/** Why a window has no figure: no report yet before its first day, none yet at its last. */
function notesFor(points: Record<CampaignProduct, StockPoint[]>, windows: EffectWindows, effect: Record<CampaignProduct, EffectFigures>): string[] {
  const out: string[] = [];
  for (const key of ['after', 'before', 'lastYear'] as const) {
    const missing = CAMPAIGN_PRODUCTS.filter((p) => effect[p][key] === null);
    if (missing.length === 0) continue;
    const w: EffectWindow = windows[key];
    const products = missing.length === CAMPAIGN_PRODUCTS.length ? '' : ` (${missing.map((p) => CAMPAIGN_PRODUCT_SHORT[p]).join(', ')})`;
    const pts = points[missing[0]!];
    const span = `${formatDate(w.from)} – ${formatDate(w.to)}`;
    if (pts.length === 0) out.push(`Không tính được ${WINDOW_LABELS[key]} (${span})${products}: phạm vi này chưa có số liệu tháng nào.`);
    else if (w.from < pts[0]!.day) out.push(`Không tính được ${WINDOW_LABELS[key]} (${span})${products}: số liệu chỉ có từ tháng ${monthLabel(pts[0]!.day.slice(0, 7))}.`);
    else if (w.to > pts.at(-1)!.day) out.push(`Không tính được ${WINDOW_LABELS[key]} (${span})${products}: chưa có số liệu đến ngày ${formatDate(w.to)} (mới nhất là tháng ${monthLabel(pts.at(-1)!.day.slice(0, 7))}).`);
    else out.push(`Không tính được ${WINDOW_LABELS[key]} (${span})${products}: thiếu số liệu của một số tháng.`);
  }
  return out;
}

/** The effect of one campaign over `weeks` (4 when not given). */
export async function campaignEffect(ctx: CoreContext, id: number, weeks = DEFAULT_EFFECT_WEEKS): Promise<CampaignEffect> {
  const repo = new CampaignRepository(ctx.store);
  const [row] = await repo.rows([id]);
  if (!row) throw new AppError('NOT_FOUND', `Không có hoạt động tuyên truyền số ${id}.`, { field: 'id' });
  const windows = effectWindows(row.startsOn, weeks);
  const book = await StockBook.open(ctx, monthsFor([windows]));
  const subject: EffectSubject = { startsOn: row.startsOn, officeId: row.officeId, officeName: row.officeName, unitIds: row.units.map((u) => u.id) };
  const memberships = subject.unitIds.length === 0 && subject.officeId !== null ? await new OfficeRepository(ctx.store).memberships(subject.officeId) : [];
  const scope = scopeOf(book.tree, subject, () => memberships);
  const points = Object.fromEntries(CAMPAIGN_PRODUCTS.map((p) => [p, book.points(p, scope.nodes)])) as Record<CampaignProduct, StockPoint[]>;
  const effect = Object.fromEntries(CAMPAIGN_PRODUCTS.map((p) => [p, effectOf(points[p], windows)])) as Record<CampaignProduct, EffectFigures>;
  const rows: CampaignEffectRow[] = CAMPAIGN_PRODUCTS.map((p) => ({ product: p, ...effect[p] }));
  return { weeks, windows, scopeName: scope.name, rows, notes: notesFor(points, windows, effect) };
}

export interface KindEffect {
  kind: CampaignKind;
  product: CampaignProduct;
  counted: number;
  before: number | null;
  after: number | null;
  lastYear: number | null;
  liftOnBefore: number | null;
  liftOnLastYear: number | null;
}

/**
 * Effects of many campaigns summed per kind and product (totals of a period): the months all of
 * them need are read once, the memberships once, then everything is computed in memory.
 */
export async function effectByKind(ctx: CoreContext, campaigns: CampaignListRow[], weeks = DEFAULT_EFFECT_WEEKS): Promise<KindEffect[]> {
  if (campaigns.length === 0) return [];
  const unitIds = await new CampaignRepository(ctx.store).unitIdsOf(campaigns.map((c) => c.id));
  const windows = new Map(campaigns.map((c) => [c.id, effectWindows(c.startsOn, weeks)]));
  const book = await StockBook.open(ctx, monthsFor([...windows.values()]));
  const needsMembers = campaigns.some((c) => !unitIds.has(c.id) && c.officeId !== null);
  const memberships = needsMembers ? await new OfficeRepository(ctx.store).memberships() : [];
  const byKind = new Map<string, EffectFigures[]>();
  const scopes = new Map<string, Record<CampaignProduct, StockPoint[]>>();
  for (const c of campaigns) {
    const scope = scopeOf(book.tree, { startsOn: c.startsOn, officeId: c.officeId, officeName: c.officeName, unitIds: unitIds.get(c.id) ?? [] }, () => memberships);
    // Campaigns of the same scope share its stock series.
    const scopeKey = [...scope.nodes].sort((a, b) => a - b).join(',');
    let points = scopes.get(scopeKey);
    if (!points) scopes.set(scopeKey, (points = Object.fromEntries(CAMPAIGN_PRODUCTS.map((p) => [p, book.points(p, scope.nodes)])) as Record<CampaignProduct, StockPoint[]>));
    for (const p of CAMPAIGN_PRODUCTS) {
      const key = `${c.kind}|${p}`;
      const list = byKind.get(key) ?? [];
      list.push(effectOf(points[p], windows.get(c.id)!));
      byKind.set(key, list);
    }
  }
  return [...byKind].map(([key, list]) => {
    const [kind, product] = key.split('|') as [CampaignKind, CampaignProduct];
    return { kind, product, ...sumEffects(list) };
  });
}
