import { TARGET_SOURCE_ORDER, type TargetSource } from '../../../shared/contract';
import type { ViewTree } from '../units/viewTree';
import type { TargetFact } from './repository';

export interface ResolvedTarget {
  original: number | null;
  revised: number | null;
  source: TargetSource | null;
}

const NONE: ResolvedTarget = { original: null, revised: null, source: null };

/**
 * A unit's yearly target on the view tree: its own (targets set on units later merged roll
 * into their successors), from the requested authority or the first available in
 * TARGET_SOURCE_ORDER; else, for counts, the sum of its children's. Rates never sum.
 */
export function resolveTargets(tree: ViewTree, targets: TargetFact[], indicatorCode: string, source: TargetSource | undefined, isRate: boolean): Map<number, ResolvedTarget> {
  // view unit → source → { original, revised } summed over recorded units mapped onto it
  const own = new Map<number, Map<TargetSource, { original: number; revised: number; revisedSet: boolean }>>();
  const latestRevision = new Map<string, number>();
  for (const t of targets) {
    if (t.indicatorCode !== indicatorCode || t.period !== '') continue;
    const key = `${t.unitId}|${t.source}`;
    latestRevision.set(key, Math.max(latestRevision.get(key) ?? 0, t.revision));
  }
  for (const t of targets) {
    if (t.indicatorCode !== indicatorCode || t.period !== '') continue;
    const latest = latestRevision.get(`${t.unitId}|${t.source}`)!;
    if (t.revision !== 0 && t.revision !== latest) continue;
    for (const { id, share } of tree.mapTo(t.unitId)) {
      let bySource = own.get(id);
      if (!bySource) own.set(id, (bySource = new Map()));
      const entry = bySource.get(t.source) ?? { original: 0, revised: 0, revisedSet: false };
      const value = isRate ? t.value : t.value * share;
      if (t.revision === 0) entry.original = isRate ? value : entry.original + value;
      if (t.revision === latest) {
        entry.revised = isRate ? value : entry.revised + value;
        if (latest > 0) entry.revisedSet = true;
      }
      bySource.set(t.source, entry);
    }
  }
  const order = source ? [source] : TARGET_SOURCE_ORDER;
  const out = new Map<number, ResolvedTarget>();
  const visit = (id: number): ResolvedTarget => {
    const node = tree.nodes.get(id)!;
    const children = node.children.map(visit);
    const bySource = own.get(id);
    const hit = bySource ? order.find((s) => bySource.has(s)) : undefined;
    let result = NONE;
    if (hit) {
      const e = bySource!.get(hit)!;
      result = { original: e.original, revised: e.revisedSet ? e.revised : null, source: hit };
    } else if (!isRate && children.some((c) => c.original !== null)) {
      const anyRevised = children.some((c) => c.revised !== null);
      result = {
        original: children.reduce((sum, c) => sum + (c.original ?? 0), 0),
        revised: anyRevised ? children.reduce((sum, c) => sum + (c.revised ?? c.original ?? 0), 0) : null,
        source: children.find((c) => c.source)?.source ?? null,
      };
    }
    out.set(id, result);
    return result;
  };
  for (const root of tree.roots) visit(root);
  return out;
}
