import type { ViewTree } from '../units/viewTree';

export interface Aggregated {
  value: number | null;
  /** Leaf units under the node without a figure, when the value is a sum of children. */
  missing: number;
}

/**
 * Puts recorded figures on the view tree and sums them up. A node's figure is the sum of its
 * children where any child has one (counting the children without); otherwise its own
 * reported figure; otherwise missing. Missing is never zero.
 */
export function aggregate(tree: ViewTree, recorded: Map<number, number> | undefined): Map<number, Aggregated> {
  const direct = new Map<number, number>();
  if (recorded) {
    for (const [unitId, value] of recorded) {
      for (const { id, share } of tree.mapTo(unitId)) direct.set(id, (direct.get(id) ?? 0) + value * share);
    }
  }
  const out = new Map<number, Aggregated>();
  const visit = (id: number): Aggregated => {
    const node = tree.nodes.get(id)!;
    let sum: number | null = null;
    let missing = 0;
    for (const child of node.children) {
      const c = visit(child);
      if (c.value !== null) sum = (sum ?? 0) + c.value;
      missing += c.value === null ? tree.leaves(child).length : c.missing;
    }
    let result: Aggregated;
    if (sum !== null) result = { value: sum, missing };
    else if (direct.has(id)) result = { value: direct.get(id)!, missing: 0 };
    else result = { value: null, missing: node.children.length ? tree.leaves(id).length : 1 };
    out.set(id, result);
    return result;
  };
  for (const root of tree.roots) visit(root);
  return out;
}
