import type { UnitLevel } from '../../../shared/domain/units';
import { viCollator } from '../../../shared/format/vi';
import { revisions, type Revisions } from '../db/revisions';
import type { Store } from '../db/store';
import { UnitRepository, type TreeRow } from './repository';

export interface ViewNode {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  children: number[];
}

/**
 * The unit tree as it stands on one day, plus where every other unit's data goes on it:
 * a commune merged in 2025 maps to its successor (with the share it passed on), so figures
 * from 2024 and 2026 add up on the same tree.
 */
export interface ViewTree {
  date: string;
  nodes: Map<number, ViewNode>;
  roots: number[];
  byCode: Map<string, number>;
  /** View units that a recorded unit's figures belong to, with shares; [] when nothing succeeds it. */
  mapTo(unitId: number): { id: number; share: number }[];
  /** Leaf descendants (or the node itself when it has none). */
  leaves(id: number): number[];
}

const cache = new WeakMap<Store, Map<string, ViewTree>>();

/**
 * The tree on `date`, cached until the units change (the revision counter, read with the
 * others by the caller or here): two queries the first time, none after.
 */
export async function viewTree(store: Store, date: string, known?: Revisions): Promise<ViewTree> {
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const key = `${(known ?? (await revisions(store))).units}|${date}`;
  let tree = perStore.get(key);
  if (!tree) {
    if (perStore.size > 16) perStore.clear();
    const repo = new UnitRepository(store);
    const [units, links] = await Promise.all([repo.treeRows(), repo.allLinks()]);
    tree = buildViewTree(units, links, date);
    perStore.set(key, tree);
  }
  return tree;
}

function buildViewTree(units: TreeRow[], links: { fromId: number; toId: number; share: number }[], date: string): ViewTree {
  const valid = (u: TreeRow) => (u.valid_from === null || u.valid_from <= date) && (u.valid_to === null || u.valid_to >= date);

  const nodes = new Map<number, ViewNode>();
  for (const u of units) if (valid(u)) nodes.set(u.id, { id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parent_id, children: [] });
  const roots: number[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node.id);
    else {
      node.parentId = null;
      roots.push(node.id);
    }
  }
  const byName = (a: number, b: number) => viCollator.compare(nodes.get(a)!.name, nodes.get(b)!.name);
  for (const node of nodes.values()) node.children.sort(byName);
  roots.sort(byName);

  const outgoing = new Map<number, { toId: number; share: number }[]>();
  const incoming = new Map<number, { fromId: number; share: number }[]>();
  for (const l of links) {
    outgoing.set(l.fromId, [...(outgoing.get(l.fromId) ?? []), { toId: l.toId, share: l.share }]);
    incoming.set(l.toId, [...(incoming.get(l.toId) ?? []), { fromId: l.fromId, share: l.share }]);
  }
  const memo = new Map<number, { id: number; share: number }[]>();
  // Forward in time through successors, or (for a past view date) back through predecessors.
  const resolve = (unitId: number, seen: Set<number>): { id: number; share: number }[] => {
    if (nodes.has(unitId)) return [{ id: unitId, share: 1 }];
    const cached = memo.get(unitId);
    if (cached) return cached;
    if (seen.has(unitId)) return [];
    seen.add(unitId);
    const out = new Map<number, number>();
    for (const next of outgoing.get(unitId) ?? []) {
      for (const hit of resolve(next.toId, seen)) out.set(hit.id, (out.get(hit.id) ?? 0) + next.share * hit.share);
    }
    if (out.size === 0) {
      // A newer unit seen on an older tree: its figures belong to the units it was formed from,
      // split in proportion to how many of them there were (no better basis exists).
      const sources = incoming.get(unitId) ?? [];
      for (const prev of sources) for (const hit of resolve(prev.fromId, seen)) out.set(hit.id, (out.get(hit.id) ?? 0) + hit.share / sources.length);
    }
    const result = [...out].map(([id, share]) => ({ id, share }));
    memo.set(unitId, result);
    return result;
  };

  const byCode = new Map([...nodes.values()].map((n) => [n.code, n.id]));
  const leafMemo = new Map<number, number[]>();
  const leaves = (id: number): number[] => {
    const hit = leafMemo.get(id);
    if (hit) return hit;
    const node = nodes.get(id);
    const out = !node || node.children.length === 0 ? [id] : node.children.flatMap(leaves);
    leafMemo.set(id, out);
    return out;
  };
  return { date, nodes, roots, byCode, mapTo: (unitId) => resolve(unitId, new Set()), leaves };
}
