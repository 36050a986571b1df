import type { ReportSectionChoice, ReportSectionInfo } from '../../../../shared/contract';

/** A row of the checklist: chosen sections in print order first, then the others in catalogue order. */
export interface SectionRow {
  info: ReportSectionInfo;
  chosen: boolean;
  /** Position among the chosen sections (print order), or -1. */
  index: number;
  text: string;
}

export function sectionRows(catalogue: readonly ReportSectionInfo[], chosen: readonly ReportSectionChoice[]): SectionRow[] {
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const rows: SectionRow[] = chosen.flatMap((c, index) => {
    const info = byId.get(c.id);
    return info ? [{ info, chosen: true, index, text: c.text ?? '' }] : [];
  });
  const chosenIds = new Set(chosen.map((c) => c.id));
  for (const info of catalogue) if (!chosenIds.has(info.id)) rows.push({ info, chosen: false, index: -1, text: '' });
  return rows;
}

/** Moves the chosen section at `index` by `delta` places (−1 up, +1 down); out of range is a no-op. */
export function moveSection(chosen: readonly ReportSectionChoice[], index: number, delta: -1 | 1): ReportSectionChoice[] {
  const to = index + delta;
  if (index < 0 || index >= chosen.length || to < 0 || to >= chosen.length) return [...chosen];
  const next = [...chosen];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/**
 * Turns a section on (appended at the end of the print order, with the text it had before it
 * was turned off) or off.
 */
export function toggleSection(
  chosen: readonly ReportSectionChoice[],
  info: ReportSectionInfo,
  on: boolean,
  keptText?: string,
): ReportSectionChoice[] {
  if (!on) return chosen.filter((c) => c.id !== info.id);
  if (chosen.some((c) => c.id === info.id)) return [...chosen];
  return [...chosen, info.editable ? { id: info.id, text: keptText ?? '' } : { id: info.id }];
}

export function setSectionText(chosen: readonly ReportSectionChoice[], id: string, text: string): ReportSectionChoice[] {
  return chosen.map((c) => (c.id === id ? { ...c, text } : c));
}
