import type { ReportSection } from '../../../shared/contract/reportTypes';

export type Orientation = ReportSection['orientation'];

/** A run of consecutive sections printed on pages of one orientation. */
export interface Sheet {
  orientation: Orientation;
  sections: ReportSection[];
  /** The header (issuer, motto, title) opens the first sheet, which is always portrait. */
  withHeader: boolean;
  /** "Nơi nhận" and the signature close the last sheet. */
  withClosing: boolean;
}

/**
 * Groups sections into sheets: a change of orientation starts a new sheet, which in print is a
 * new named page (`page: landscape` forces the break) and on screen a new sheet of paper.
 */
export function splitSheets(sections: ReportSection[]): Sheet[] {
  const sheets: Sheet[] = [{ orientation: 'portrait', sections: [], withHeader: true, withClosing: false }];
  for (const section of sections) {
    const last = sheets[sheets.length - 1]!;
    if (last.orientation === section.orientation) last.sections.push(section);
    else sheets.push({ orientation: section.orientation, sections: [section], withHeader: false, withClosing: false });
  }
  sheets[sheets.length - 1]!.withClosing = true;
  return sheets;
}

/** Printable width inside the margins of print.css (@page and @page landscape), in mm. */
export const CONTENT_WIDTH_MM: Record<Orientation, number> = { portrait: 210 - 30 - 15, landscape: 297 - 20 - 20 };

/** Sheet width on screen (the whole paper, margins included), in CSS px. */
export const SHEET_WIDTH_PX: Record<Orientation, number> = { portrait: mmToPx(210), landscape: mmToPx(297) };

export function mmToPx(mm: number): number {
  return (mm * 96) / 25.4;
}
