import { AppError } from '../../../shared/contract';
import type { ReportDefinition } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import { formatDate } from '../../../shared/format/vi';
import { OfficeRepository } from '../offices/repository';
import { ALL_ROOTS, type Figures } from '../results/compare';

export interface ReportScope {
  /** The node (real or virtual) whose totals the report states. */
  focus: number;
  name: string;
  /** Rows of the tables by unit: child units, an office's communes, or offices (virtual nodes). */
  rows: number[];
  rowLabel: string;
  /** Units of the scope no office serves, when the table is by office. */
  unassigned: string[];
  /** Set when the scope is one office (it then issues the report). */
  officeName: string | null;
}

/**
 * Scope code → what the report sums. An office (BHXH cơ sở) is not a node of the unit tree,
 * so it becomes a virtual node over the communes it serves on the tree date that exist on the
 * view tree (data of older communes already rolls into their successors there).
 */
export async function resolveScope(ctx: CoreContext, figures: Figures, def: ReportDefinition): Promise<ReportScope> {
  const offices = new OfficeRepository(ctx.store);
  const onTree = (ids: number[]) => ids.filter((id) => figures.tree.nodes.has(id));
  // Who serves which commune is read on the report's tree date (treeDateOf), the day its rows are drawn on.
  const office = def.scopeCode ? await offices.unitsOn(def.scopeCode, figures.tree.date) : null;
  if (office) {
    const members = onTree(office.unitIds);
    if (members.length === 0) throw new AppError('VALIDATION', `${office.name} chưa phụ trách đơn vị nào trên cây đơn vị ngày ${formatDate(figures.tree.date)}.`);
    return { focus: figures.group(members, office.code, office.name), name: office.name, rows: members, rowLabel: 'Xã, phường', unassigned: [], officeName: office.name };
  }
  const focus = figures.focus(def.scopeCode);
  const node = figures.node(focus);
  const name = focus === ALL_ROOTS ? 'Toàn bộ' : cleanName(node.name);
  if (def.groupBy === 'office' && node.level === 'province') {
    const served = new Set<number>();
    const rows: number[] = [];
    for (const o of await offices.withUnitIds(figures.tree.date)) {
      if (focus !== ALL_ROOTS && o.provinceCode !== node.code) continue;
      const members = onTree(o.unitIds).filter((id) => isUnder(figures, id, focus));
      if (members.length === 0) continue;
      members.forEach((m) => served.add(m));
      rows.push(figures.group(members, o.code, o.name));
    }
    if (rows.length > 0) {
      const leaves = leafUnits(figures, focus);
      const unassigned = leaves.filter((id) => !served.has(id) && !ancestorIn(figures, id, served)).map((id) => figures.tree.nodes.get(id)!.name);
      return { focus, name, rows, rowLabel: 'BHXH cơ sở', unassigned, officeName: null };
    }
  }
  return { focus, name, rows: figures.childrenOf(focus), rowLabel: 'Đơn vị', unassigned: [], officeName: null };
}

/** "Tỉnh Phú An (dữ liệu mẫu)" → "Tỉnh Phú An": the demo tag is printed once, in its own line. */
export function cleanName(name: string): string {
  return name.replace(/\s*\(dữ liệu mẫu\)$/i, '');
}

function isUnder(figures: Figures, id: number, focus: number): boolean {
  if (focus === ALL_ROOTS) return true;
  for (let at: number | null = id; at !== null; at = figures.tree.nodes.get(at)?.parentId ?? null) if (at === focus) return true;
  return false;
}

function ancestorIn(figures: Figures, id: number, set: Set<number>): boolean {
  for (let at = figures.tree.nodes.get(id)?.parentId ?? null; at !== null; at = figures.tree.nodes.get(at)?.parentId ?? null) if (set.has(at)) return true;
  return false;
}

/** Communes (units without children) below a node. */
function leafUnits(figures: Figures, focus: number): number[] {
  const out: number[] = [];
  const walk = (id: number) => {
    const children = figures.childrenOf(id);
    if (children.length === 0 && id !== focus) out.push(id);
    children.forEach(walk);
  };
  walk(focus);
  return out;
}
