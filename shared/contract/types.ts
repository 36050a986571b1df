import type { IndicatorDef } from '../domain/indicators';
import type { Unit, UnitDetail } from '../domain/units';

/** A file the user picked or uploaded; core resolves the token, the renderer never sends a path. */
export interface FileRef {
  token: string;
  name: string;
  size: number;
}

/** A file core made for the user to save (an Excel export); fetched or saved by the adapter. */
export interface DownloadRef {
  token: string;
  fileName: string;
  size: number;
}

export type RunMode = 'electron' | 'browser' | 'cli';

export interface AppInfo {
  version: string;
  mode: RunMode;
  /** Today (YYYY-MM-DD, local) by the app's one clock: the renderer never reads the browser's. */
  today: string;
  dataDir: string;
  /** 'sqlite': the embedded file in the data folder; 'postgres': a shared server. */
  engine: 'sqlite' | 'postgres';
  /** Where the data is: the file, or the server's address without its password. */
  dbFile: string;
  schemaVersion: number;
  /**
   * 'corrupt' when the integrity check failed at start (only a restore is offered);
   * 'unavailable' when the database cannot be used (server unreachable, wrong password,
   * newer schema): the message says why and what to do.
   */
  dbStatus: 'ok' | 'corrupt' | 'unavailable';
  dbMessage: string | null;
  /** Another BHXH Desk process holds the data folder: data can be read, not written. */
  readOnly: boolean;
  readOnlyMessage: string | null;
  demoLoaded: boolean;
  unitCount: number;
  /** Where the choice of database came from: --database, BHXH_DATABASE_URL, the saved connection, or none (the embedded file). */
  connectionSource: ConnectionSource;
  /** The error code when dbStatus is not 'ok' (DB_AUTH, DB_UNREACHABLE, DB_MISSING, DB_NEWER_VERSION…), else null. */
  dbErrorCode: string | null;
}

export type ConnectionSource = 'flag' | 'env' | 'file' | 'embedded';

/** A PostgreSQL server as the connection form shows it; the password never travels back to the screen. */
export interface PostgresConnectionFields {
  host: string;
  port: number;
  database: string;
  user: string;
}

/** What the connection form opens with. */
export interface ConnectionInfo {
  source: ConnectionSource;
  engine: 'sqlite' | 'postgres';
  /** The database in use, for people: the file, or the server's address without its password. */
  location: string;
  /** The server to prefill: the one in use, else the saved one; null when none was ever given. */
  fields: PostgresConnectionFields | null;
  /** A password is known for `fields` (left empty in the form, it is kept). */
  hasPassword: boolean;
  /** What connection.json says, if it exists. */
  savedEngine: 'sqlite' | 'postgres' | null;
}

export interface ConnectionTestOutcome {
  /** Vietnamese: what was found (server version, schema version, or an empty database to be set up). */
  message: string;
  serverVersion: string;
  /** The database's schema version; 0 for an empty database (the app sets it up on connecting). */
  schemaVersion: number;
}

/** A row-level problem, addressed the way Excel users find it. */
export interface CellIssue {
  sheet: string;
  row: number;
  column: string | null;
  cell: string | null;
  message: string;
}

export type UnitImportShape = 'list-3-level' | 'list-2-level' | 'merges';

export interface UnitChange {
  action: 'add' | 'update' | 'link';
  code: string;
  name: string;
  level: string;
  /** For updates: "Tên: A → B" style descriptions of what changes. */
  changes: string[];
}

export interface UnitImportPreview {
  planId: string;
  fileName: string;
  sheetName: string;
  shape: UnitImportShape;
  rowCount: number;
  added: number;
  updated: number;
  unchanged: number;
  linksAdded: number;
  errors: CellIssue[];
  changes: UnitChange[];
  /** For lists without dates: the day the listed units start to exist (null = always). */
  validFrom: string | null;
}

/** A staged row of a unit-list preview ('units:stagedRows'): its Excel row, whether the plan found an issue on it, and the issues. */
export interface UnitImportRow {
  row: number;
  status: 'ok' | 'error';
  issues: CellIssue[];
}

export interface UnitImportOutcome {
  fileName: string;
  added: number;
  updated: number;
  unchanged: number;
  linksAdded: number;
  unitsClosed: number;
  backupFile: string | null;
}

export interface BackupInfo {
  fileName: string;
  createdAt: string;
  sizeBytes: number;
  reason: string;
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** Backup of the data that was replaced; null when the database was too damaged to back up. */
  safetyBackup: string | null;
  /** Where the damaged file was kept for investigation (recovery mode only). */
  damagedCopy: string | null;
}

export interface DemoOutcome {
  units: number;
  results: number;
  targets: number;
  offices: number;
  /** The demo's collection-agent network. */
  agents: number;
  points: number;
  staff: number;
  /** Demo outreach campaigns. */
  campaigns: number;
  /** People on the demo canvassing lists. */
  people?: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityKey: string | null;
  summary: string;
}

export interface Office {
  code: string;
  name: string;
  provinceCode: string;
  communeCodes: string[];
  isDemo: boolean;
}

export type { IndicatorDef, Unit, UnitDetail };

/** A BHXH cơ sở office as lists show it; `communeCount` counts the communes it serves on the day asked. */
export interface OfficeSummary {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  address: string | null;
  phone: string | null;
  headName: string | null;
  /** First and last day the office works (null: open). */
  validFrom: string | null;
  validTo: string | null;
  communeCount: number;
  isDemo: boolean;
}

/** A commune served by an office for a span of days (both ends included, null: open). */
export interface OfficeMembership {
  id: number;
  unitCode: string;
  unitName: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface OfficeDetail extends OfficeSummary {
  email: string | null;
  note: string | null;
  /** Every membership, past and future, by commune then date. */
  members: OfficeMembership[];
}

export interface OfficeImportChange {
  action: 'add-office' | 'update-office' | 'add-member' | 'end-member';
  officeCode: string;
  officeName: string;
  /** "Xã A (12345) từ 01/07/2025", "địa chỉ: A → B" … */
  description: string;
}

export interface OfficeImportPreview {
  planId: string;
  fileName: string;
  officesSheet: string | null;
  membersSheet: string | null;
  officesAdded: number;
  officesUpdated: number;
  membersAdded: number;
  membersChanged: number;
  unchanged: number;
  errors: CellIssue[];
  changes: OfficeImportChange[];
}

export interface OfficeImportOutcome {
  fileName: string;
  officesAdded: number;
  officesUpdated: number;
  membersAdded: number;
  membersChanged: number;
}

export interface AppSettings {
  /** Relative change against last month above which an entered figure needs a note. */
  jumpThreshold: number;
  /** A staff member with no new participant for this many months is flagged inactive. */
  inactiveMonths: number;
}
