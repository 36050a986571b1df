import type { ContactChannel, PaymentMode, PersonField, PersonListKind, PersonProduct, PersonStatus, Sex } from '../domain/people';

/** A person list with its counts, for the lists screen and `people lists`. */
export interface PersonListSummary {
  id: number;
  name: string;
  kind: PersonListKind;
  source: string | null;
  officeCode: string | null;
  rows: number;
  assigned: number;
  contacted: number;
  joined: number;
  refused: number;
  /** YYYY-MM-DD after which the list must be deleted (personal data is not kept longer than needed). */
  retainUntil: string | null;
  /** True when the retention date has passed (or is today): the screen reminds to delete the list. */
  retentionDue: boolean;
  isDemo: boolean;
  createdAt: string;
  createdBy: string;
}

/**
 * A person as lists show them: identifiers and phone masked (0951******34). The real values
 * come only from `people:reveal`, which writes an audit row.
 */
export interface PersonRow {
  id: number;
  listId: number;
  listName: string;
  fullName: string;
  birthDate: string | null;
  sex: Sex | null;
  cccd: string | null;
  bhxhCode: string | null;
  bhytCard: string | null;
  phone: string | null;
  unitCode: string | null;
  /** The commune's name on record (or as the list typed it when it matched none). */
  communeName: string | null;
  hamlet: string | null;
  product: PersonProduct | null;
  dueMonth: string | null;
  paymentMode: PaymentMode | null;
  staffCode: string | null;
  staffName: string | null;
  status: PersonStatus;
  statusOn: string | null;
  lastContactOn: string | null;
  /** How many other lists hold the same person (same CCCD or mã số BHXH). */
  otherLists: number;
}

export interface PersonContact {
  id: number;
  contactedOn: string;
  staffCode: string | null;
  staffName: string | null;
  channel: ContactChannel;
  outcome: PersonStatus;
  note: string | null;
  campaignId: number | null;
  campaignName: string | null;
  createdBy: string;
  createdAt: string;
}

export interface PersonDetail extends PersonRow {
  note: string | null;
  campaignId: number | null;
  campaignName: string | null;
  contacts: PersonContact[];
  /** The same person on other lists (by CCCD or mã số BHXH). */
  alsoOn: { listId: number; listName: string; personId: number; status: PersonStatus }[];
  sourceRow: number | null;
  batchId: number | null;
}

export interface PersonRevealed {
  id: number;
  cccd: string | null;
  bhxhCode: string | null;
  bhytCard: string | null;
  phone: string | null;
}

export interface AssignOutcome {
  /** Rows the filter matched and that were (re)assigned. */
  assigned: number;
  perStaff: { staffCode: string; staffName: string; count: number }[];
}

export interface DeleteListOutcome {
  listName: string;
  deletedRows: number;
  deletedContacts: number;
  /** SQLite: the database file's size before and after VACUUM; null on PostgreSQL. */
  fileBytesBefore: number | null;
  fileBytesAfter: number | null;
}

/** One line of conversion: by commune, staff member or campaign. */
export interface ConversionRow {
  key: string;
  label: string;
  people: number;
  contacted: number;
  agreed: number;
  joined: number;
  refused: number;
  unreachable: number;
  /** joined ÷ people, in % to 2 decimals (half up); null when no people. */
  conversion: number | null;
  /** Due-payment lists: people due in the period, and those who paid (JOINED) by their due month's end. */
  due: number;
  paidOnTime: number;
  onTimeRate: number | null;
}

export interface ConversionReport {
  by: 'commune' | 'staff' | 'campaign';
  rows: ConversionRow[];
  total: ConversionRow;
}

/** A column of the file and the person field it fills (null: not imported). */
export interface PersonImportColumn {
  column: string;
  header: string;
  field: PersonField | null;
  /** How the field was chosen: from the header's words, remembered from an earlier file of the same layout, or by the user. */
  source: 'auto' | 'remembered' | 'user' | null;
}

export interface PersonImportCounts {
  read: number;
  ok: number;
  error: number;
  /** Rows whose person is already on another list (imported, and counted). */
  duplicate: number;
  /** Rows of a person already on this list: their fields are updated. */
  update: number;
}

/** Where the time went, for the benchmark and the closing message. */
export interface PersonImportTimings {
  readMs: number;
  validateMs: number;
  stageMs: number;
  commitMs: number | null;
  /** Of stageMs: the duplicate checks over the stage (in the file, on the list, on other lists). */
  duplicatesMs?: number;
  /** In the reader's worker (beside the main thread): inflating the file, scanning its XML. */
  inflateMs?: number;
  scanMs?: number;
  /**
   * Of commitMs: the safety backup, writing the rows, building the list's indexes (a big load).
   * A big load's backup is copied beside the writing: backupMs is then what the commit still waited for it.
   */
  backupMs?: number;
  insertMs?: number;
  indexMs?: number;
}

export interface PersonImportPreview {
  batchId: number;
  fileName: string;
  sheets: string[];
  sheet: string;
  headerRow: number;
  columns: PersonImportColumn[];
  /** Fields a list must have that no column fills (full name always): nothing can commit until mapped. */
  missingFields: PersonField[];
  listName: string;
  listKind: PersonListKind;
  /** The list exists already: rows of the same people update it. */
  existingListId: number | null;
  counts: PersonImportCounts;
  /** Errors by field ("cccd": 120 rows), the most common first. */
  errorsByField: { field: PersonField; count: number }[];
  canCommit: boolean;
  timings: PersonImportTimings;
  /** What the reader decided for the clerk to know (another sheet chosen, a legacy font converted), in Vietnamese. */
  notices?: string[];
}

export interface StagedRowIssue {
  field: PersonField;
  /** Column letter and cell address in the file ("E", "E17"). */
  column: string | null;
  cell: string | null;
  message: string;
}

/** A staged row in the preview: values as they will be written (masked), or its errors. */
export interface StagedRow {
  rowNo: number;
  status: 'ok' | 'error' | 'duplicate' | 'update';
  fullName: string | null;
  birthDate: string | null;
  cccd: string | null;
  bhxhCode: string | null;
  phone: string | null;
  communeName: string | null;
  unitCode: string | null;
  hamlet: string | null;
  issues: StagedRowIssue[];
  /** The cells as typed, for error rows (so they can be corrected on screen). */
  raw: Partial<Record<PersonField, string>> | null;
  duplicateOf: string | null;
}

export interface PersonImportOutcome {
  batchId: number;
  listId: number;
  listName: string;
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  duplicates: number;
  backupFile: string | null;
  timings: PersonImportTimings;
}

export interface PersonImportBatch {
  id: number;
  listId: number | null;
  listName: string;
  fileName: string;
  status: 'reading' | 'staged' | 'committed' | 'undone' | 'discarded' | 'failed';
  read: number;
  imported: number;
  updated: number;
  rejected: number;
  duplicates: number;
  actor: string;
  createdAt: string;
  committedAt: string | null;
  undoneAt: string | null;
}

/** A call sheet or walk list: one staff member's people grouped by hamlet, for printing on A4. */
export interface WalkList {
  staffCode: string;
  staffName: string;
  agentName: string | null;
  listName: string | null;
  generatedOn: string;
  groups: { communeName: string; hamlet: string; people: WalkListPerson[] }[];
  total: number;
}

/** Walk lists carry the real phone (staff must call): the document is marked as holding personal data and its printing audited. */
export interface WalkListPerson {
  id: number;
  fullName: string;
  birthYear: number | null;
  sex: Sex | null;
  phone: string | null;
  product: PersonProduct | null;
  dueMonth: string | null;
  paymentMode: PaymentMode | null;
  status: PersonStatus;
  lastContactOn: string | null;
}
