/**
 * The collection-agent network as the renderer, the CLI and exports see it. Identifiers (CCCD,
 * phone) leave core masked; the one way to see them is `staff:reveal`, which is audited.
 */
import type { ActivityFlag } from '../calc/network';
import type { AgentKind, AgentProduct, AgentStatus, CommissionBasis, CommissionProduct, FlowMeasure, StaffRole, StaffStatus } from '../domain/network';
import type { AuditEntry, CellIssue } from './types';

export type { ActivityFlag };
export type ExpiryFlag = 'expired' | 'within30' | 'within60' | null;

export interface NamedUnit {
  code: string;
  name: string;
}

export interface AgentSummary {
  code: string;
  name: string;
  kind: AgentKind;
  product: AgentProduct;
  contractNo: string | null;
  signedOn: string | null;
  expiresOn: string | null;
  /** Against today: the contract has ended, or ends within 30 or 60 days. */
  expiry: ExpiryFlag;
  officeCode: string | null;
  officeName: string | null;
  status: AgentStatus;
  /** Serves every commune of its office ("Tất cả các xã, thị trấn"). */
  allCommunes: boolean;
  communeCount: number;
  pointCount: number;
  staffCount: number;
  isDemo: boolean;
}

export interface AgentDetail extends AgentSummary {
  address: string | null;
  phone: string | null;
  representative: string | null;
  note: string | null;
  communes: NamedUnit[];
  points: CollectionPoint[];
  inspections: Inspection[];
  /** Changes to the record, newest first (the audit log). */
  history: AuditEntry[];
}

export interface CollectionPoint {
  id: number;
  code: string | null;
  name: string;
  agentCode: string;
  agentName: string;
  agentKind: AgentKind;
  address: string | null;
  unitCode: string | null;
  unitName: string | null;
  openedOn: string | null;
  closedOn: string | null;
  signage: boolean;
  note: string | null;
}

export interface StaffSummary {
  code: string;
  fullName: string;
  role: StaffRole;
  birthYear: number | null;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  /** 0951******34: the number itself only through staff:reveal. */
  cccdMasked: string | null;
  phoneMasked: string | null;
  agentCode: string;
  agentName: string;
  agentKind: AgentKind;
  communes: NamedUnit[];
  trainingDate: string | null;
  cardNo: string | null;
  cardDate: string | null;
  status: StaffStatus;
  joinedOn: string | null;
  leftOn: string | null;
  isDemo: boolean;
}

export interface StaffDetail extends StaffSummary {
  note: string | null;
  history: AuditEntry[];
}

export interface Inspection {
  id: number;
  agentCode: string;
  agentName: string;
  inspectedOn: string;
  inspector: string;
  findings: string;
  followUp: string | null;
  followUpDone: boolean;
}

export interface KindCount {
  kind: AgentKind;
  agents: number;
  points: number;
  staff: number;
  trainedStaff: number;
  /** Results of the period by measure. */
  results: Partial<Record<FlowMeasure, number>>;
}

export interface CommuneCoverage {
  code: string;
  name: string;
  officeName: string | null;
  points: number;
  kinds: AgentKind[];
  staff: number;
  trainedStaff: number;
  population: number | null;
  /** Population per trained staff member (null: nobody trained, or no population figure). */
  peoplePerStaff: number | null;
  noPoint: boolean;
  fewKinds: boolean;
}

export interface NetworkOverview {
  /** YYYY-MM. */
  period: string;
  /** The day agents, points and staff are counted on: the period's last day, or today if earlier. */
  asOf: string;
  officeCode: string | null;
  officeName: string | null;
  byKind: KindCount[];
  totals: Omit<KindCount, 'kind'>;
  communes: CommuneCoverage[];
  communesWithoutPoint: number;
  communesWithFewKinds: number;
  inactiveStaff: number;
  inactiveMonths: number;
  expiring: { expired: number; within30: number; within60: number };
}

export type FlowLevel = 'office' | 'agent' | 'staff';
export type FlowValues = Partial<Record<FlowMeasure, number>>;

export interface FlowRow {
  level: FlowLevel;
  code: string;
  name: string;
  /** The office of an agent, the agent of a staff member. */
  parentCode: string | null;
  kind: AgentKind | null;
  /** Targets of the year. */
  target: FlowValues;
  /** Results of the month asked, and from January to it. */
  result: FlowValues;
  cumulative: FlowValues;
  /** Office and agent rows: their target less what was given to their agents or staff (negative: over-allocated). */
  unallocated: Partial<Record<FlowMeasure, number | null>>;
  commission: number;
  activity: ActivityFlag | null;
}

export interface FlowTable {
  year: number;
  /** YYYY-MM of the results shown. */
  month: string;
  rows: FlowRow[];
  /** Agents in scope (rows page over them). */
  totalAgents: number;
  offset: number;
  limit: number;
}

export interface FlowEntry {
  level: FlowLevel;
  code: string;
  measure: FlowMeasure;
  /** null removes the figure. */
  value: number | null;
}

export interface FlowSaveOutcome {
  saved: number;
  /** Sum-check warnings: an office or agent given out more than its own target. */
  warnings: string[];
}

export interface RankingRow {
  rank: number;
  level: 'agent' | 'staff';
  code: string;
  name: string;
  agentCode: string | null;
  agentName: string | null;
  kind: AgentKind;
  result: number;
  cumulative: number;
  target: number | null;
  /** cumulative ÷ the year's target. */
  progress: number | null;
  commission: number;
  activity: ActivityFlag | null;
  lastActiveMonth: string | null;
}

export interface CommissionRateRow {
  id: number;
  product: CommissionProduct;
  basis: CommissionBasis;
  value: number;
  validFrom: string;
  legalSource: string | null;
  note: string | null;
}

export type NetworkListKind = 'agents' | 'points' | 'staff';

export interface NetworkImportChange {
  list: NetworkListKind;
  action: 'add' | 'update';
  code: string;
  name: string;
  description: string;
}

export interface NetworkImportPreview {
  planId: string;
  fileName: string;
  /** Sheets read and the list each held. */
  sheets: { sheet: string; list: NetworkListKind | 'results'; rows: number }[];
  counts: Record<NetworkListKind, { added: number; updated: number; unchanged: number }>;
  errors: CellIssue[];
  warnings: CellIssue[];
  changes: NetworkImportChange[];
  canCommit: boolean;
}

export interface NetworkImportOutcome {
  batchId: number;
  fileName: string;
  counts: Record<NetworkListKind, { added: number; updated: number }>;
  /** Results imports: figures written, and the month (YYYY-MM) they are for. */
  values?: number;
  month?: string;
}

export interface ResultsImportPreview {
  planId: string;
  fileName: string;
  sheet: string;
  month: string;
  rows: number;
  values: number;
  /** Figures already stored for these people and month that the import replaces. */
  replaced: number;
  errors: CellIssue[];
  warnings: CellIssue[];
  canCommit: boolean;
}

export interface NetworkBatch {
  id: number;
  kind: 'lists' | 'results';
  fileName: string;
  at: string;
  actor: string;
  summary: string;
  undoneAt: string | null;
}
