import { compareLevels, type Unit } from '../../../../shared/domain/units';
import { viCollator } from '../../../../shared/format/vi';

export interface UnitTreeNode {
  key: string;
  unit: Unit;
  /** True when the unit matched the search (as opposed to an ancestor shown for context). */
  matched: boolean;
  children?: UnitTreeNode[];
}

function compareUnits(a: Unit, b: Unit): number {
  const byLevel = compareLevels(a.level, b.level);
  if (byLevel !== 0) return byLevel;
  return viCollator.compare(a.name, b.name) || viCollator.compare(a.code, b.code);
}

/**
 * Builds the tree from the flat list the server returns (children point to parentCode).
 * With `matches`, only the matches and their ancestors (looked up in `list`) are kept and
 * `expandedKeys` lists every ancestor so the matches are visible.
 */
export function buildUnitTree(
  list: readonly Unit[],
  matches?: readonly Unit[] | null,
): { roots: UnitTreeNode[]; expandedKeys: string[]; count: number } {
  const byCode = new Map<string, Unit>();
  for (const u of list) byCode.set(u.code, u);

  let shown: Map<string, Unit>;
  const matchedCodes = new Set<string>();
  const expanded = new Set<string>();

  if (matches) {
    shown = new Map();
    for (const m of matches) {
      matchedCodes.add(m.code);
      shown.set(m.code, m);
      // Walk up through the full list; stop at a missing parent or a cycle.
      let parentCode = m.parentCode;
      const seen = new Set<string>([m.code]);
      while (parentCode && !seen.has(parentCode)) {
        seen.add(parentCode);
        const parent = byCode.get(parentCode) ?? (shown.get(parentCode) as Unit | undefined);
        if (!parent) break;
        shown.set(parent.code, parent);
        expanded.add(parent.code);
        parentCode = parent.parentCode;
      }
    }
  } else {
    shown = byCode;
  }

  const childrenOf = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const u of shown.values()) {
    if (u.parentCode && u.parentCode !== u.code && shown.has(u.parentCode)) {
      const arr = childrenOf.get(u.parentCode);
      if (arr) arr.push(u);
      else childrenOf.set(u.parentCode, [u]);
    } else roots.push(u);
  }

  const toNode = (u: Unit, depth: number): UnitTreeNode => {
    const kids = depth < 12 ? childrenOf.get(u.code) : undefined;
    const node: UnitTreeNode = { key: u.code, unit: u, matched: matchedCodes.has(u.code) };
    if (kids && kids.length) node.children = kids.sort(compareUnits).map((k) => toNode(k, depth + 1));
    return node;
  };

  return {
    roots: roots.sort(compareUnits).map((u) => toNode(u, 0)),
    expandedKeys: [...expanded],
    count: shown.size,
  };
}
