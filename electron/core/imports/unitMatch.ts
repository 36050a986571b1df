import { foldText, unitNameKey } from '../../../shared/text/fold';
import type { ViewTree } from '../units/viewTree';

export interface Candidate {
  id: number;
  code: string;
  name: string;
  key: string;
}

/**
 * The units a report's rows may name: the descendants of the sending office's unit when the
 * title names one ("BẢO HIỂM XÃ HỘI HUYỆN HỒNG DÂN"), else every commune on that day's tree.
 */
export function candidatesFor(tree: ViewTree, titleLines: string[]): { candidates: Candidate[]; office: { id: number; name: string; line: string } | null } {
  let office: { id: number; name: string; line: string } | null = null;
  for (const line of titleLines) {
    const folded = foldText(line);
    if (!folded.startsWith('bao hiem xa hoi ')) continue;
    const key = unitNameKey(line.replace(/^\s*bảo hiểm xã hội\s*/i, '').replace(/^bhxh\s*/i, '').replace(/^cơ sở\s*/i, ''));
    const hit = [...tree.nodes.values()].find((n) => n.children.length > 0 && unitNameKey(n.name) === key);
    if (hit) office = { id: hit.id, name: hit.name, line };
  }
  const scope = office ? tree.leaves(office.id) : [...tree.nodes.values()].filter((n) => n.children.length === 0).map((n) => n.id);
  return {
    office,
    candidates: scope.map((id) => {
      const n = tree.nodes.get(id)!;
      return { id, code: n.code, name: n.name, key: unitNameKey(n.name) };
    }),
  };
}

/** Ranked look-alikes for an unmatched name: shared words first, then shared letters. */
export function suggestions(typed: string, candidates: Candidate[], limit = 5): Candidate[] {
  const words = new Set(unitNameKey(typed).split(' '));
  const score = (c: Candidate) => {
    const theirs = c.key.split(' ');
    const shared = theirs.filter((w) => words.has(w)).length;
    return shared * 10 - Math.abs(theirs.length - words.size);
  };
  return [...candidates].sort((a, b) => score(b) - score(a)).slice(0, limit);
}
