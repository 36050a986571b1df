import { z } from 'zod';
import { MAX_PAGE_SIZE, pageRequest, type Page } from './paging';
import type { ImportBatch, ImportCommitOutcome, ImportPreview, ImportPreviewRow } from './importTypes';
import type {
  AgentDetail, AgentSummary, CollectionPoint, CommissionRateRow, FlowSaveOutcome, FlowTable, Inspection, NetworkBatch, NetworkImportOutcome, NetworkImportPreview,
  NetworkOverview, RankingRow, ResultsImportPreview, StaffDetail, StaffSummary,
} from './networkTypes';
import { AGENT_KINDS, AGENT_PRODUCTS, AGENT_STATUSES, FLOW_MEASURES, STAFF_ROLES, STAFF_STATUSES } from '../domain/network';
import type { ReportDefinition, ReportDocument, ReportPdfPreview, ReportSectionInfo, SavedReport, SavedReportSummary } from './reportTypes';
import type { BreakdownProposal, ComparisonTable, DashboardData, GridSaveOutcome, ResultGrid, Target } from './resultsTypes';
import type {
  AppInfo, AppSettings, AuditEntry, BackupInfo, ConnectionInfo, ConnectionTestOutcome, DemoOutcome, DownloadRef, IndicatorDef, Office, OfficeDetail, OfficeImportOutcome,
  OfficeImportPreview, OfficeSummary, RestoreOutcome, Unit, UnitDetail, UnitImportOutcome, UnitImportPreview, UnitImportRow,
} from './types';

import { channel, empty, fileRef, isoDate, networkCode, officeCode, optionalText, shortText, unitCode, yearMonth } from './schemas';
import { calcChannels } from './calcChannels';
import { campaignChannels } from './campaignChannels';
import { emulationChannels } from './emulationChannels';
import { peopleChannels } from './peopleChannels';
import { arrearsChannels } from './arrearsChannels';

const period = z
  .object({ kind: z.enum(['month', 'quarter', 'year']), year: z.number().int().min(2000).max(2100), index: z.number().int().min(1).max(12) })
  .refine((p) => p.kind !== 'quarter' || p.index <= 4, { message: 'Quý phải từ 1 đến 4.', path: ['index'] });
const targetSource = z.enum(['GOV', 'BHXH_VN', 'UBND_TINH', 'BHXH_TINH', 'INTERNAL']);
const indicatorCode = z.string().regex(/^[A-Z_]{2,20}$/, 'Mã chỉ tiêu không hợp lệ');

const officeFields = {
  name: z.string().trim().min(3, 'Tên cơ quan quá ngắn').max(200, 'Tên cơ quan tối đa 200 ký tự'),
  address: optionalText(300),
  phone: optionalText(50),
  email: optionalText(200),
  headName: optionalText(100),
  note: optionalText(1000),
  validFrom: isoDate.nullable().optional(),
};
const reportDefinition = z.object({
  period: yearMonth,
  scopeCode: unitCode.nullable(),
  groupBy: z.enum(['unit', 'office']),
  sort: z.enum(['progress-desc', 'progress-asc', 'actual-desc', 'name', 'code']),
  indicatorCodes: z.array(indicatorCode).min(1, 'Chọn ít nhất một chỉ tiêu').max(8),
  sections: z
    .array(z.object({ id: z.string().regex(/^[a-zA-Z]{2,40}$/), text: z.string().max(20_000, 'Nội dung quá dài (tối đa 20.000 ký tự)').optional() }))
    .min(1, 'Chọn ít nhất một phần của báo cáo')
    .max(30),
  docNumber: shortText(100),
  place: shortText(100),
  issueDate: isoDate.nullable(),
  subject: shortText(300),
  recipients: z.array(shortText(200)).max(30),
  signerAuthority: shortText(100),
  signerTitle: shortText(100),
  signerName: shortText(100),
});

/** A PostgreSQL server typed in the connection form; an empty password keeps the one already known. */
const postgresConnection = z
  .object({
    engine: z.literal('postgres'),
    host: z.string().trim().min(1, 'Hãy nhập địa chỉ máy chủ').max(255).regex(/^[^\s/@?#]+$/, 'Địa chỉ máy chủ không hợp lệ'),
    port: z.number({ error: 'Cổng phải là số' }).int('Cổng phải là số nguyên').min(1, 'Cổng từ 1 đến 65535').max(65535, 'Cổng từ 1 đến 65535'),
    database: z.string().trim().min(1, 'Hãy nhập tên cơ sở dữ liệu').max(63, 'Tên cơ sở dữ liệu tối đa 63 ký tự'),
    user: z.string().trim().min(1, 'Hãy nhập tên người dùng').max(63, 'Tên người dùng tối đa 63 ký tự'),
    password: z.string().max(200, 'Mật khẩu tối đa 200 ký tự').optional(),
  })
  .strict();

const agentFields = {
  name: z.string().trim().min(3, 'Tên tổ chức dịch vụ thu quá ngắn').max(200, 'Tên tối đa 200 ký tự'),
  kind: z.enum(AGENT_KINDS, 'Hãy chọn loại tổ chức'),
  product: z.enum(AGENT_PRODUCTS).optional(),
  contractNo: optionalText(100),
  signedOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
  officeCode: officeCode.nullable().optional(),
  status: z.enum(AGENT_STATUSES).optional(),
  allCommunes: z.boolean().optional(),
  communeCodes: z.array(unitCode).max(5000).optional(),
  address: optionalText(300),
  phone: optionalText(50),
  representative: optionalText(100),
  note: optionalText(1000),
};
const staffFields = {
  fullName: z.string().trim().min(3, 'Họ tên quá ngắn').max(100, 'Họ tên tối đa 100 ký tự'),
  role: z.enum(STAFF_ROLES).optional(),
  birthYear: z.number().int().min(1900, 'Năm sinh không hợp lệ').max(2100, 'Năm sinh không hợp lệ').nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  sex: z.enum(['M', 'F']).nullable().optional(),
  cccd: optionalText(20),
  phone: optionalText(20),
  agentCode: networkCode,
  communeCodes: z.array(unitCode).max(500).optional(),
  trainingDate: isoDate.nullable().optional(),
  cardNo: optionalText(50),
  cardDate: isoDate.nullable().optional(),
  status: z.enum(STAFF_STATUSES).optional(),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
  note: optionalText(1000),
};
const networkFilters = {
  officeCode: officeCode.optional(),
  unitCode: unitCode.optional(),
  kind: z.enum(AGENT_KINDS).optional(),
};
const flowMeasure = z.enum(FLOW_MEASURES);
const year = z.number().int().min(2000).max(2100);

/**
 * Every call between the renderer (or the CLI) and core. Names are `area:verb`.
 * Adding a channel here is the only way to add one: the handlers must satisfy this map and
 * the preload, HTTP client and CLI are built from it.
 */
export const channels = {
  'app:info': channel<AppInfo>()(empty),

  /** The database connection: read, test, save (connection.json), reopen. They answer in recovery mode too. */
  'connection:get': channel<ConnectionInfo>()(empty),
  'connection:test': channel<ConnectionTestOutcome>()(postgresConnection),
  'connection:save': channel<ConnectionInfo>()(z.discriminatedUnion('engine', [z.object({ engine: z.literal('sqlite') }).strict(), postgresConnection])),
  'connection:reconnect': channel<AppInfo>()(empty),

  'units:list': channel<Unit[]>()(
    z.object({
      asOf: isoDate.nullable().optional(),
      includeEnded: z.boolean().optional(),
      query: z.string().max(200).optional(),
      level: z.enum(['province', 'district', 'commune', 'hamlet']).optional(),
    }),
  ),
  /** The paged, sorted, diacritic-free search over units (the tree itself loads with units:list). */
  'units:search': channel<Page<Unit>>()(
    pageRequest(['code', 'name', 'level'], {
      asOf: isoDate.nullable().optional(),
      level: z.enum(['province', 'district', 'commune', 'hamlet']).optional(),
    }),
  ),
  'units:get': channel<UnitDetail>()(z.object({ code: unitCode })),
  'units:update': channel<UnitDetail>()(
    z.object({
      code: unitCode,
      name: z.string().trim().min(2, 'Tên đơn vị quá ngắn').max(200),
      kind: z.string().trim().max(40).nullable(),
      parentCode: unitCode.nullable(),
      validFrom: isoDate.nullable(),
      validTo: isoDate.nullable(),
    }),
  ),
  'units:previewImport': channel<UnitImportPreview>()(
    // operationId: follow its progress events and stop it with 'imports:cancel', as a report's preview.
    z.object({
      file: fileRef,
      validFrom: isoDate.nullable().optional(),
      operationId: z.string().min(8).max(100).optional(),
      /** The preview being corrected (another "valid from"): planned again from its staged rows, without the file. */
      planId: z.string().min(8).max(100).optional(),
    }),
  ),
  /** A page (1-based) of a unit-list preview's staged rows. */
  'units:stagedRows': channel<Page<UnitImportRow>>()(
    z.object({ planId: z.string().min(8).max(100), page: z.number().int().min(1), pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE), filter: z.enum(['all', 'ok', 'error']).optional() }),
  ),
  'units:commitImport': channel<UnitImportOutcome>()(z.object({ planId: z.string().min(8).max(100) })),
  'units:recordMerge': channel<UnitDetail>()(
    z.object({
      fromCodes: z.array(unitCode).min(1, 'Chọn ít nhất một đơn vị cũ').max(200),
      toCode: unitCode,
      /** Needed only when the new unit does not exist yet. */
      toName: z.string().trim().min(2).max(200).optional(),
      toKind: z.string().trim().max(40).optional(),
      toParentCode: unitCode.optional(),
      effectiveDate: isoDate,
    }),
  ),

  /** Every office; with `asOf`, the offices working that day and the communes each serves that day. */
  'offices:list': channel<Office[]>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** BHXH cơ sở offices as data: paged search, details, create, edit, close on a date (never deleted). */
  'offices:search': channel<Page<OfficeSummary>>()(
    pageRequest(['code', 'name'], { asOf: isoDate.nullable().optional(), includeClosed: z.boolean().optional() }),
  ),
  'offices:get': channel<OfficeDetail>()(z.object({ code: officeCode })),
  'offices:create': channel<OfficeDetail>()(z.object({ code: officeCode, provinceCode: unitCode.nullable().optional(), ...officeFields })),
  'offices:update': channel<OfficeDetail>()(z.object({ code: officeCode, ...officeFields })),
  /** The office works until `lastDay` (included); the communes it served after that day are released. */
  'offices:close': channel<OfficeDetail>()(z.object({ code: officeCode, lastDay: isoDate })),
  /** Communes served from `validFrom` to `validTo` (both included; null: open); a commune is in one office on any day. */
  'offices:assign': channel<OfficeDetail>()(
    z.object({
      code: officeCode,
      unitCodes: z.array(unitCode).min(1, 'Chọn ít nhất một xã, phường').max(5000),
      validFrom: isoDate.nullable(),
      validTo: isoDate.nullable().optional(),
    }),
  ),
  /** Ends a commune's membership on `lastDay`; without a day, removes an assignment made by mistake. */
  'offices:unassign': channel<OfficeDetail>()(z.object({ code: officeCode, membershipId: z.number().int().positive(), lastDay: isoDate.nullable() })),
  'offices:previewImport': channel<OfficeImportPreview>()(z.object({ file: fileRef, validFrom: isoDate.nullable().optional() })),
  'offices:commitImport': channel<OfficeImportOutcome>()(z.object({ planId: z.string().min(8).max(100) })),

  /**
   * The collection-agent network (đại lý thu): agents, collection points, staff, inspections,
   * targets and results per agent and staff member, rankings, commission, imports and exports.
   */
  'agents:search': channel<Page<AgentSummary>>()(
    pageRequest(['code', 'name', 'kind', 'expiresOn'], { ...networkFilters, status: z.enum(AGENT_STATUSES).optional(), expiringWithin: z.union([z.literal(30), z.literal(60)]).optional() }),
  ),
  'agents:get': channel<AgentDetail>()(z.object({ code: networkCode })),
  'agents:create': channel<AgentDetail>()(z.object({ code: networkCode, ...agentFields })),
  'agents:update': channel<AgentDetail>()(z.object({ code: networkCode, ...agentFields })),
  'points:search': channel<Page<CollectionPoint>>()(
    pageRequest(['name', 'agent', 'commune'], { ...networkFilters, agentCode: networkCode.optional(), open: z.boolean().optional() }),
  ),
  /** Creates a point (no id) or changes one. */
  'points:save': channel<CollectionPoint>()(
    z.object({
      id: z.number().int().positive().optional(),
      agentCode: networkCode,
      code: networkCode.nullable().optional(),
      name: z.string().trim().min(3, 'Tên điểm thu quá ngắn').max(200),
      address: optionalText(300),
      unitCode: unitCode.nullable().optional(),
      openedOn: isoDate.nullable().optional(),
      closedOn: isoDate.nullable().optional(),
      signage: z.boolean().optional(),
      note: optionalText(1000),
    }),
  ),
  'staff:search': channel<Page<StaffSummary>>()(
    pageRequest(['name', 'code', 'agent'], {
      ...networkFilters,
      agentCode: networkCode.optional(),
      status: z.enum(STAFF_STATUSES).optional(),
      role: z.enum(STAFF_ROLES).optional(),
    }),
  ),
  'staff:get': channel<StaffDetail>()(z.object({ code: networkCode })),
  'staff:create': channel<StaffDetail>()(z.object({ code: networkCode, ...staffFields })),
  'staff:update': channel<StaffDetail>()(z.object({ code: networkCode, ...staffFields })),
  /** The unmasked CCCD or phone of one person; every reveal is written to the audit log. */
  'staff:reveal': channel<{ value: string | null }>()(z.object({ code: networkCode, field: z.enum(['cccd', 'phone']) })),
  'inspections:search': channel<Page<Inspection>>()(pageRequest(['date'], { agentCode: networkCode.optional(), officeCode: officeCode.optional(), year: year.optional() })),
  'inspections:save': channel<Inspection>()(
    z.object({
      id: z.number().int().positive().optional(),
      agentCode: networkCode,
      inspectedOn: isoDate,
      inspector: z.string().trim().min(2, 'Hãy ghi người kiểm tra').max(200),
      findings: z.string().trim().min(2, 'Hãy ghi kết quả kiểm tra').max(4000),
      followUp: optionalText(2000),
      followUpDone: z.boolean().optional(),
    }),
  ),
  /** Counts by agent kind, results of the month, the commune table (points, kinds, people per trained staff). */
  'network:overview': channel<NetworkOverview>()(z.object({ period: yearMonth, officeCode: officeCode.optional() })),
  /** Targets of the year and results of the month for an office's agents (paged) or one agent's staff. */
  'network:flows': channel<FlowTable>()(
    z.object({ month: yearMonth, officeCode: officeCode.optional(), agentCode: networkCode.optional(), offset: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(500).optional() }),
  ),
  /** Targets are for a year (`year`), results for a month (`month`); one transaction, one audit row. */
  'network:setFlows': channel<FlowSaveOutcome>()(
    z
      .object({
        kind: z.enum(['target', 'result']),
        year: year.optional(),
        month: yearMonth.optional(),
        entries: z
          .array(z.object({ level: z.enum(['office', 'agent', 'staff']), code: networkCode, measure: flowMeasure, value: z.number().nonnegative('Số liệu không được âm').nullable() }))
          .min(1)
          .max(100_000),
      })
      .refine((r) => (r.kind === 'target' ? r.year !== undefined : r.month !== undefined), { message: 'Chỉ tiêu cần năm, kết quả cần tháng.' }),
  ),
  'network:ranking': channel<Page<RankingRow>>()(
    z.object({
      period: yearMonth,
      level: z.enum(['agent', 'staff']),
      measure: flowMeasure.optional(),
      by: z.enum(['result', 'progress']).optional(),
      officeCode: officeCode.optional(),
      kind: z.enum(AGENT_KINDS).optional(),
      inactiveOnly: z.boolean().optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
  ),
  'network:commissionRates': channel<CommissionRateRow[]>()(empty),
  /** A new dated rate; the old one stays for the months before it. */
  'network:addCommissionRate': channel<CommissionRateRow[]>()(
    z.object({
      product: z.enum(['BHXH_TN', 'BHYT_HGD']),
      basis: z.enum(['percent', 'perNew']),
      value: z.number().nonnegative('Mức thù lao không được âm').max(10_000_000),
      validFrom: isoDate,
      legalSource: optionalText(300),
      note: optionalText(1000),
    }),
  ),
  /** Agents, points and staff lists from one workbook (one sheet per list, found by their headers). */
  'network:previewImport': channel<NetworkImportPreview>()(z.object({ file: fileRef })),
  'network:commitImport': channel<NetworkImportOutcome>()(z.object({ planId: z.string().min(8).max(100) })),
  /** Monthly results per staff member (one row per person). */
  'network:previewResults': channel<ResultsImportPreview>()(z.object({ file: fileRef, month: yearMonth.optional() })),
  'network:commitResults': channel<NetworkImportOutcome>()(z.object({ planId: z.string().min(8).max(100) })),
  'network:batches': channel<Page<NetworkBatch>>()(pageRequest(['at'], {})),
  'network:undo': channel<{ undone: number }>()(z.object({ batchId: z.number().int().positive() })),
  'indicators:list': channel<IndicatorDef[]>()(empty),

  'backups:list': channel<BackupInfo[]>()(empty),
  'backups:create': channel<BackupInfo>()(empty),
  'backups:restore': channel<RestoreOutcome>()(z.object({ fileName: z.string().min(1).max(300) })),

  /** Newest first; `entity` narrows to one kind of record (unit, target, import_batch, database…). */
  'audit:list': channel<Page<AuditEntry>>()(pageRequest(['at'], { entity: z.string().max(40).optional(), entityKey: z.string().max(200).optional() })),

  'demo:load': channel<DemoOutcome>()(empty),

  'targets:list': channel<Target[]>()(z.object({ year: z.number().int().min(2000).max(2100), unitCode: unitCode.optional(), indicatorCode: indicatorCode.optional() })),
  'targets:set': channel<Target>()(
    z.object({
      unitCode,
      indicatorCode,
      year: z.number().int().min(2000).max(2100),
      period: z.string().regex(/^(|Q[1-4]|M(0[1-9]|1[0-2]))$/).optional(),
      value: z.number().nonnegative('Chỉ tiêu không được âm'),
      source: targetSource,
      decisionNo: z.string().trim().max(100).nullable().optional(),
      decisionDate: isoDate.nullable().optional(),
      /** true: a kế hoạch điều chỉnh that keeps the original; false: correct the latest revision in place. */
      revise: z.boolean().optional(),
      note: z.string().trim().max(1000).nullable().optional(),
    }),
  ),
  'targets:breakdown': channel<BreakdownProposal>()(
    z.object({
      parentCode: unitCode,
      indicatorCode,
      year: z.number().int().min(2000).max(2100),
      source: targetSource,
      method: z.enum(['lastYear', 'population', 'labour', 'manual']),
      manual: z.array(z.object({ code: unitCode, value: z.number().nonnegative() })).max(5000).optional(),
      commit: z.boolean().optional(),
      decisionNo: z.string().trim().max(100).nullable().optional(),
      decisionDate: isoDate.nullable().optional(),
    }),
  ),

  'results:grid': channel<ResultGrid>()(z.object({ month: yearMonth, parentCode: unitCode.nullable().optional() })),
  'results:saveGrid': channel<GridSaveOutcome>()(
    z.object({
      month: yearMonth,
      asOf: isoDate.optional(),
      entries: z
        .array(z.object({ unitCode, indicatorCode, value: z.number().nullable(), note: z.string().trim().max(1000).nullable().optional() }))
        .min(1)
        .max(100_000),
    }),
  ),
  'results:set': channel<{ saved: number }>()(
    z.object({ unitCode, indicatorCode, asOf: isoDate, value: z.number().nonnegative('Số liệu không được âm').nullable(), note: z.string().trim().max(1000).nullable().optional() }),
  ),
  'results:compare': channel<ComparisonTable>()(
    z.object({ period, indicatorCode, unitCode: unitCode.nullable().optional(), source: targetSource.optional(), viewDate: isoDate.optional() }),
  ),
  'dashboard:get': channel<DashboardData>()(
    z.object({ period, unitCode: unitCode.nullable().optional(), indicatorCode: indicatorCode.optional(), viewDate: isoDate.optional() }),
  ),
  /** District report import: preview (re-run with corrections), commit exactly that preview, history, undo. */
  'imports:preview': channel<ImportPreview>()(
    z.object({
      file: fileRef,
      sheet: z.string().max(200).optional(),
      period: yearMonth.optional(),
      columns: z.array(z.object({ column: z.string().regex(/^[A-Z]{1,3}$/), role: z.enum(['name', 'code', 'result', 'target', 'ignore']), indicatorCode: indicatorCode.nullable() })).max(400).optional(),
      unitChoices: z.array(z.object({ typedName: z.string().max(300), unitCode })).max(5000).optional(),
      /** Lets the caller cancel this preview ('imports:cancel') and follow its progress events. */
      operationId: z.string().min(8).max(100).optional(),
      /** The preview being corrected: its staged rows are validated again, the file is not read again (unless another sheet is asked for). */
      sessionId: z.string().min(8).max(100).optional(),
    }),
  ),
  /** A page (1-based) of a preview's staged rows, in row order. */
  'imports:stagedRows': channel<Page<ImportPreviewRow>>()(
    z.object({
      sessionId: z.string().min(8).max(100),
      page: z.number().int().min(1),
      pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE),
      filter: z.enum(['all', 'problems', 'ok', 'error', 'unmatched']).optional(),
    }),
  ),
  'imports:cancel': channel<{ cancelled: boolean }>()(z.object({ operationId: z.string().min(8).max(100) })),
  'imports:commit': channel<ImportCommitOutcome>()(
    z.object({
      sessionId: z.string().min(8).max(100),
      /** Write the valid rows only; rows with errors stay out (send them back with the errors workbook). */
      skipErrorRows: z.boolean().optional(),
    }),
  ),
  'imports:list': channel<Page<ImportBatch>>()(pageRequest(['at'], {})),
  'imports:undo': channel<{ restored: number }>()(z.object({ batchId: z.number().int().positive() })),
  'imports:errorsWorkbook': channel<DownloadRef>()(z.object({ sessionId: z.string().min(8).max(100) })),
  'settings:get': channel<AppSettings>()(empty),
  /** Changes the settings given, leaves the others. */
  'settings:set': channel<AppSettings>()(
    z.object({
      jumpThreshold: z.number().min(0.01).max(10).optional(),
      inactiveMonths: z.number().int('Số tháng phải là số nguyên').min(1, 'Từ 1 đến 24 tháng').max(24, 'Từ 1 đến 24 tháng').optional(),
    }),
  ),

  /** Steering-committee reports: catalogue, defaults, live preview, saved reports, PDF and Excel. */
  'reports:sections': channel<ReportSectionInfo[]>()(empty),
  'reports:defaults': channel<ReportDefinition>()(z.object({ period: yearMonth.optional(), scopeCode: unitCode.nullable().optional() })),
  'reports:build': channel<ReportDocument>()(z.object({ definition: reportDefinition })),
  'reports:list': channel<SavedReportSummary[]>()(empty),
  'reports:get': channel<SavedReport>()(z.object({ id: z.number().int().positive() })),
  /** Saves the definition with the document built now (a reprint shows these figures). */
  'reports:save': channel<SavedReport>()(z.object({ id: z.number().int().positive().nullable().optional(), definition: reportDefinition })),
  'reports:delete': channel<{ deleted: number }>()(z.object({ id: z.number().int().positive() })),
  'reports:pdf': channel<DownloadRef>()(z.object({ id: z.number().int().positive() })),
  'reports:excel': channel<DownloadRef>()(z.object({ id: z.number().int().positive() })),
  /** The same PDF as 'reports:pdf', returned inline so the screen can show its pages exactly as printed. */
  'reports:pdfPreview': channel<ReportPdfPreview>()(z.object({ id: z.number().int().positive() })),
  /** Electron: the system print dialog for a saved report. Browser mode answers UNAVAILABLE (the page prints itself). */
  'reports:print': channel<{ printed: boolean }>()(z.object({ id: z.number().int().positive() })),

  /** Each builds a formatted workbook of a table and returns it as a download. */
  'exports:comparison': channel<DownloadRef>()(
    z.object({ period, indicatorCode, unitCode: unitCode.nullable().optional(), source: targetSource.optional(), viewDate: isoDate.optional() }),
  ),
  'exports:coverage': channel<DownloadRef>()(z.object({ period, unitCode: unitCode.nullable().optional(), viewDate: isoDate.optional() })),
  'exports:grid': channel<DownloadRef>()(z.object({ month: yearMonth, parentCode: unitCode.nullable().optional() })),
  'exports:targets': channel<DownloadRef>()(z.object({ year: z.number().int().min(2000).max(2100), indicatorCode: indicatorCode.optional() })),
  /** The network's lists and rankings as formatted workbooks; `withPersonal` puts CCCD and phone in (audited). */
  'exports:network': channel<DownloadRef>()(
    z.object({
      list: z.enum(['agents', 'points', 'staff', 'ranking', 'inspections', 'coverage']),
      period: yearMonth.optional(),
      level: z.enum(['agent', 'staff']).optional(),
      measure: flowMeasure.optional(),
      ...networkFilters,
      agentCode: networkCode.optional(),
      withPersonal: z.boolean().optional(),
    }),
  ),
  ...calcChannels,
  ...campaignChannels,
  ...emulationChannels,
  ...peopleChannels,
  ...arrearsChannels,
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = Channels[C]['response'];

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
