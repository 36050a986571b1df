/**
 * Employer arrears (nợ đọng): employers, their monthly arrears rows, collection actions, instalment
 * promises, dated ratio targets, the overview by band, office, sector and month, and the import of
 * an office's arrears list. Money in whole đồng; ratios in percent with two decimals.
 */
import type { ArrearsActionKind, ArrearsBand, EmployerKind, EmployerStatus, PromiseStatus } from '../domain/arrears';
import type { CellIssue } from './types';

export interface Employer {
  id: number;
  /** Mã đơn vị (BHXH's code of the employer), unique. */
  code: string;
  name: string;
  taxCode: string | null;
  kind: EmployerKind;
  address: string | null;
  /** Commune the employer is in. */
  unitCode: string | null;
  unitName: string | null;
  /** Managing office (BHXH cơ sở). */
  officeCode: string | null;
  officeName: string | null;
  /** Workers covered. */
  workers: number | null;
  status: EmployerStatus;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One employer in a list, with its arrears in the period asked (latest on or before it). */
export interface ArrearsEmployerRow {
  id: number;
  code: string;
  name: string;
  taxCode: string | null;
  kind: EmployerKind;
  status: EmployerStatus;
  officeCode: string | null;
  officeName: string | null;
  unitCode: string | null;
  unitName: string | null;
  workers: number | null;
  /** The month the figures are from (null: no arrears row up to the period). */
  period: string | null;
  amountOwed: number;
  monthsOwed: number;
  interest: number;
  /** Band of months owed, or 'CLOSED' for dissolved, suspended and missing employers; null when nothing is owed. */
  band: ArrearsBand | null;
  late: boolean;
  evasion: boolean;
  lastActionOn: string | null;
  pendingPromises: number;
  overduePromises: number;
  isDemo: boolean;
}

export interface ArrearsMonthRow {
  period: string;
  amountOwed: number;
  monthsOwed: number;
  interest: number;
  /** Amount due in the year (the ratio's denominator), when known. */
  amountDueYear: number | null;
  late: boolean;
  evasion: boolean;
  batchId: number | null;
}

export interface ArrearsAction {
  id: number;
  employerId: number;
  employerCode: string;
  employerName: string;
  officeCode: string | null;
  actedOn: string;
  kind: ArrearsActionKind;
  docNumber: string | null;
  officer: string | null;
  note: string | null;
  amountRecovered: number | null;
  createdAt: string;
  /** Pending promises of this employer whose date has passed (flag on the collection log). */
  employerOverduePromises: number;
}

export interface ArrearsPromise {
  id: number;
  employerId: number;
  employerCode: string;
  employerName: string;
  officeCode: string | null;
  promisedOn: string;
  amount: number;
  status: PromiseStatus;
  settledOn: string | null;
  settledAmount: number | null;
  note: string | null;
  /** Pending and its date before today. */
  overdue: boolean;
}

export interface EmployerDetail {
  employer: Employer;
  /** The latest month's figures (null: never in arrears). */
  current: ArrearsMonthRow | null;
  band: ArrearsBand | null;
  /** Monthly rows, newest first. */
  rows: ArrearsMonthRow[];
  /** Newest first. */
  actions: ArrearsAction[];
  /** Newest promised date first. */
  promises: ArrearsPromise[];
}

export interface ArrearsTarget {
  id: number;
  /** null: the province's target (offices without their own follow it). */
  officeCode: string | null;
  officeName: string | null;
  validFrom: string;
  /** Maximum arrears ratio, percent (3,5 = 3,5%). */
  ratio: number;
  /** Where it comes from (decision, plan …). */
  source: string | null;
  note: string | null;
}

export interface ArrearsBandFigure {
  band: ArrearsBand;
  label: string;
  employers: number;
  amount: number;
}

export interface ArrearsOfficeFigure {
  officeCode: string;
  officeName: string;
  employers: number;
  amount: number;
  dueInYear: number | null;
  ratio: number | null;
  target: number | null;
  meetsTarget: boolean | null;
}

export interface ArrearsKindFigure {
  kind: EmployerKind;
  label: string;
  employers: number;
  amount: number;
}

export interface ArrearsTrendPoint {
  period: string;
  amount: number;
  employers: number;
  ratio: number | null;
}

export interface ArrearsOverview {
  period: string;
  /** null: the whole province. */
  officeCode: string | null;
  scopeName: string;
  /** The last day of the period (targets in force on it). */
  asOf: string;
  totalOwed: number;
  employersInArrears: number;
  interest: number;
  /** Sum of the amounts due in the year of the employers' rows (null when no row has it). */
  dueInYear: number | null;
  ratio: number | null;
  target: ArrearsTarget | null;
  meetsTarget: boolean | null;
  byBand: ArrearsBandFigure[];
  byOffice: ArrearsOfficeFigure[];
  byKind: ArrearsKindFigure[];
  /** The months up to the period (24 at most, oldest first). */
  trend: ArrearsTrendPoint[];
  /** The largest debtors of the period (10). */
  largest: ArrearsEmployerRow[];
  pendingPromises: number;
  overduePromises: number;
  isDemo: boolean;
}

/** One data row of an arrears list as read. */
export interface ArrearsImportRow {
  sheet: string;
  row: number;
  code: string;
  name: string;
  taxCode: string | null;
  amountOwed: number;
  monthsOwed: number;
  interest: number;
  amountDueYear: number | null;
  band: ArrearsBand;
  status: EmployerStatus;
  note: string | null;
  /** The employer is already known (by code) or new. */
  employer: 'new' | 'existing';
}

export interface ArrearsImportPreview {
  planId: string;
  fileName: string;
  sheet: string;
  period: string | null;
  /** Where the period came from: chosen by the user or read from the title ("ĐẾN HẾT THÁNG 9/2020"). */
  periodSource: 'chosen' | 'file' | null;
  officeCode: string | null;
  officeName: string | null;
  officeSource: 'chosen' | 'file' | null;
  /** Data rows read (title, header, column-number and totals rows left out). */
  rowsRead: number;
  rowsOk: number;
  rowsRejected: number;
  newEmployers: number;
  existingEmployers: number;
  /** How each column was understood ("Tiền nợ" → amount owed). */
  columns: { column: string; header: string; field: string; label: string }[];
  rows: ArrearsImportRow[];
  totals: { amountOwed: number; byBand: Record<ArrearsBand, number> };
  errors: CellIssue[];
  warnings: CellIssue[];
  canCommit: boolean;
}

export interface ArrearsImportOutcome {
  batchId: number;
  fileName: string;
  period: string;
  officeCode: string | null;
  rowsRead: number;
  imported: number;
  rejected: number;
  employersAdded: number;
  employersUpdated: number;
  /** The safety copy taken before writing (SQLite; null on PostgreSQL). */
  backup?: string | null;
}

export interface ArrearsBatch {
  id: number;
  fileName: string;
  period: string;
  officeCode: string | null;
  at: string;
  actor: string;
  rows: number;
  summary: string;
  undoneAt: string | null;
}

/** The wording of the reminder letter: an office's own, or the default; the fields it may use. */
export interface ReminderTemplate {
  text: string;
  isDefault: boolean;
  defaultText: string;
  fields: { key: string; label: string }[];
}
