import type { TargetSource } from './resultsTypes';

/**
 * The steering-committee report (báo cáo Ban Chỉ đạo). Core builds a ReportDocument from a
 * ReportDefinition; the renderer draws it (screen preview and print are the same page), the
 * Excel export writes its tables. Numbers stay raw here: formatting is the reader's job.
 */

/** How the table by unit is ordered. */
export type ReportSort = 'progress-desc' | 'progress-asc' | 'actual-desc' | 'name' | 'code';

export interface ReportSectionChoice {
  /** A section id from the catalogue ('headline', 'coverage', 'unitTable', … ). */
  id: string;
  /** Free text for the editable sections (assessment, tasks ahead); ignored by the others. */
  text?: string;
}

export interface ReportDefinition {
  /** Reporting month YYYY-MM; figures are those of its cut-off (25th, 31/12 for December). */
  period: string;
  /** Unit code or office (BHXH cơ sở) code; null = the whole province. */
  scopeCode: string | null;
  /** Rows of the table by unit: the scope's child units, or the offices (province scope only). */
  groupBy: 'unit' | 'office';
  sort: ReportSort;
  /** Indicators of the table by unit, progress chart and rankings (first one ranks). */
  indicatorCodes: string[];
  /** Chosen sections in print order. */
  sections: ReportSectionChoice[];
  /** "Số: 125/BC-BHXH". */
  docNumber: string;
  /** Place before the date: "Phú An, ngày … tháng … năm …". */
  place: string;
  /** Date printed under the motto (ISO); null = leave "ngày … tháng … năm …" blank to fill by hand. */
  issueDate: string | null;
  /** Second title line; empty = "Kết quả thực hiện công tác phát triển người tham gia BHXH, BHYT". */
  subject: string;
  /** "Nơi nhận:" lines, printed with "- " before each. */
  recipients: string[];
  /** "KT. GIÁM ĐỐC" line above the title, or empty. */
  signerAuthority: string;
  /** "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
}

export interface ReportSectionInfo {
  id: string;
  title: string;
  description: string;
  /** Chosen in a new report. */
  defaultOn: boolean;
  /** True for sections whose body is the user's own text. */
  editable: boolean;
}

/** decimal: two decimals (emulation points, 79,35). */
export type ReportCellFormat = 'text' | 'count' | 'signedCount' | 'percent' | 'signedPoints' | 'decimal';

export interface ReportColumn {
  key: string;
  label: string;
  /** Caption of a merged header cell above consecutive columns with the same group. */
  group?: string;
  format: ReportCellFormat;
  /** Relative width (the table fills the page width). */
  width: number;
}

export interface ReportRow {
  cells: Record<string, string | number | null>;
  /** 'total' rows are bold; 'group' rows are bold italic sub-headings. */
  emphasis?: 'total' | 'group';
}

export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; caption: string | null; columns: ReportColumn[]; rows: ReportRow[]; notes: string[] }
  | {
      kind: 'chart';
      chart: 'progressBars' | 'trend';
      title: string;
      labels: string[];
      series: { label: string; values: (number | null)[]; style: 'bar' | 'line' | 'dashed' }[];
      /** 'percent' values are ratios (0.85 = 85%). */
      valueFormat: 'count' | 'percent';
      /** A reference line (1 = 100% of plan). */
      referenceLine: { value: number; label: string } | null;
    }
  /** The user's own text (assessment, tasks ahead), kept with the saved report. */
  | { kind: 'freeText'; text: string; placeholder: string };

export interface ReportSection {
  id: string;
  /** Numbered heading as printed: "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU". */
  heading: string;
  /** Wide tables print on landscape pages. */
  orientation: 'portrait' | 'landscape';
  blocks: ReportBlock[];
}

export interface ReportHeader {
  /** "BẢO HIỂM XÃ HỘI VIỆT NAM" */
  issuerParent: string;
  /** "BẢO HIỂM XÃ HỘI TỈNH PHÚ AN" */
  issuer: string;
  motto: string;
  mottoSub: string;
  docNumber: string;
  /** A letter's subject ("V/v đôn đốc thu nộp BHXH, BHYT, BHTN"), printed under its number (Decree 30 công văn). */
  excerpt?: string;
  /** "Phú An, ngày 25 tháng 11 năm 2026" or with dots when the date is left blank. */
  placeDate: string;
  title: string;
  subtitle: string;
  /** "(Số liệu tính đến ngày 25/11/2026)" */
  cutoff: string;
}

export interface ReportDocument {
  definition: ReportDefinition;
  header: ReportHeader;
  scopeName: string;
  /** The month whose figures the report shows. */
  month: string;
  cutoffDate: string;
  sections: ReportSection[];
  recipients: string[];
  signature: { authority: string; title: string; name: string };
  isDemo: boolean;
  builtAt: string;
  /** Results and targets revisions the figures were read at; a saved report compares them to tell "data changed since". */
  dataStamp: string;
}

export interface SavedReportSummary {
  id: number;
  title: string;
  period: string;
  scopeCode: string | null;
  scopeName: string;
  createdAt: string;
  updatedAt: string;
  isDemo: boolean;
}

export interface SavedReport {
  id: number;
  definition: ReportDefinition;
  /** The document as saved: reprinting shows exactly these figures. */
  document: ReportDocument;
  createdAt: string;
  updatedAt: string;
  /** True when results or targets changed after the document was built. */
  dataChanged: boolean;
}

/** The printed PDF itself, for an on-screen preview page by page. */
export interface ReportPdfPreview {
  fileName: string;
  pages: number;
  /** The PDF bytes, base64 (a 10-page report is about 300 KB). */
  base64: string;
}

export type { TargetSource };
