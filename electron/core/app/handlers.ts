import { AppError, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract';
import { INDICATORS } from '../../../shared/domain/indicators';
import { formatPercent } from '../../../shared/format/vi';
import { listAudit, recordAudit } from '../audit/audit';
import { SqliteStore } from '../db/sqliteStore';
import { createBackup } from '../backups/backups';
import { loadDemo } from '../demo/loadDemo';
import { commitOfficeImport, previewOfficeImport, type StoredOfficePlan } from '../offices/importService';
import { OfficeRepository } from '../offices/repository';
import { assignCommunes, closeOffice, createOffice, getOffice, searchOffices, unassignCommune, updateOffice } from '../offices/service';
import { listImports, undoImport } from '../imports/commit';
import { cancelImport, commitImport, errorsWorkbook, previewImport, stagedRows } from '../imports/previewImport';
import { exportComparison, exportCoverage, exportGrid, exportTargets } from '../exports/appExports';
import { comparisonTable } from '../results/compare';
import { dashboard } from '../results/dashboard';
import { resultGrid, saveGrid } from '../results/grid';
import { setResult } from '../results/setResult';
import { breakdownTargets, listTargets, setTarget } from '../targets/service';
import { readSettings, writeSetting } from './settings';
import { createAgent, getAgent, searchAgents, updateAgent } from '../network/agents';
import { addCommissionRate, commissionRates } from '../network/commission';
import { exportNetwork } from '../network/exports';
import { networkFlows, setFlows } from '../network/flows';
import { networkOverview } from '../network/overview';
import { saveInspection, savePoint, searchInspections, searchPoints } from '../network/points';
import { networkRanking } from '../network/ranking';
import { createStaff, getStaff, revealStaff, searchStaff, updateStaff } from '../network/staff';
import { buildReport } from '../reports/build';
import { defaultDefinition } from '../reports/defaults';
import { printReport, reportExcel, reportPdf, reportPdfPreview } from '../reports/outputs';
import type { ReportPrinter } from '../reports/printer';
import { sectionCatalogue } from '../reports/sections';
import { deleteReport, getReport, listReports, saveReport } from '../reports/service';
import type { DownloadStore } from '../files/downloadStore';
import { commitUnitImport, previewUnitImport, unitStagedRows } from '../units/importService';
import { UnitRepository } from '../units/repository';
import { getUnitDetail, listUnits, recordMerge, updateUnit } from '../units/service';
import type { ConnectionHandlers } from './connectionService';
import type { CoreContext } from './context';
import { PlanStore } from './planStore';
import { pageBatches, undoBatch } from '../network/batches';
import { commitListsImport, previewListsImport, type StoredListsPlan } from '../network/importLists';
import { commitResultsImport, previewResultsImport, type StoredResultsPlan } from '../network/importResults';
import { campaignHandlers } from '../campaigns/handlers';
import { calcHandlers } from '../contributions/handlers';
import { campaignImportHandlers } from '../campaigns/importHandlers';
import { emulationHandlers } from '../emulation/handlers';
import { peopleHandlers } from '../people/handlers';
import { peopleImportHandlers } from '../people/import/handlers';
import { peopleWalkHandlers } from '../people/walkHandlers';
import { arrearsHandlers } from '../arrears/handlers';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Hooks the app core owns itself (info and restore touch the connection, not just the data). */
export interface CoreHooks {
  downloads: DownloadStore;
  info: Handler<'app:info'>;
  restore: Handler<'backups:restore'>;
  listBackups: Handler<'backups:list'>;
  /** Set by the adapter that can render pages (Electron window, headless Chromium); null until then. */
  printer: () => ReportPrinter | null;
  /** The connection form's channels (they work in recovery mode too). */
  connection: ConnectionHandlers;
}

/** Binds every channel of the contract to core; `satisfies` makes a missing channel a type error. */
export function createHandlers(context: () => CoreContext, hooks: CoreHooks): Handlers {
  const officePlans = new PlanStore<StoredOfficePlan>();
  const networkListPlans = new PlanStore<StoredListsPlan>();
  const networkResultPlans = new PlanStore<StoredResultsPlan>();
  const people = peopleHandlers(context, hooks);
  return {
    'app:info': hooks.info,
    'connection:get': () => hooks.connection.get(),
    'connection:test': (req) => hooks.connection.test(req),
    'connection:save': (req) => hooks.connection.save(req),
    'connection:reconnect': () => hooks.connection.reconnect(),
    'units:list': (req) => listUnits(context(), req),
    'units:search': (req) => new UnitRepository(context().store).page(req),
    'units:get': (req) => getUnitDetail(context(), req.code),
    'units:update': (req) => updateUnit(context(), req),
    'units:previewImport': (req) => previewUnitImport(context(), req),
    'units:stagedRows': (req) => unitStagedRows(context(), req),
    'units:commitImport': (req) => commitUnitImport(context(), req.planId),
    'units:recordMerge': (req) => recordMerge(context(), req),
    'offices:list': (req) => new OfficeRepository(context().store).list(req.asOf),
    'offices:search': (req) => searchOffices(context(), req),
    'offices:get': (req) => getOffice(context(), req.code),
    'offices:create': (req) => createOffice(context(), req),
    'offices:update': (req) => updateOffice(context(), req),
    'offices:close': (req) => closeOffice(context(), req),
    'offices:assign': (req) => assignCommunes(context(), req),
    'offices:unassign': (req) => unassignCommune(context(), req),
    'offices:previewImport': (req) => previewOfficeImport(context(), officePlans, req.file, req.validFrom),
    'offices:commitImport': (req) => commitOfficeImport(context(), officePlans, req.planId),
    'agents:search': (req) => searchAgents(context(), req),
    'agents:get': (req) => getAgent(context(), req.code),
    'agents:create': (req) => createAgent(context(), req),
    'agents:update': (req) => updateAgent(context(), req),
    'points:search': (req) => searchPoints(context(), req),
    'points:save': (req) => savePoint(context(), req),
    'staff:search': (req) => searchStaff(context(), req),
    'staff:get': (req) => getStaff(context(), req.code),
    'staff:create': (req) => createStaff(context(), req),
    'staff:update': (req) => updateStaff(context(), req),
    'staff:reveal': (req) => revealStaff(context(), req),
    'inspections:search': (req) => searchInspections(context(), req),
    'inspections:save': (req) => saveInspection(context(), req),
    'network:overview': (req) => networkOverview(context(), req),
    'network:flows': (req) => networkFlows(context(), req),
    'network:setFlows': (req) => setFlows(context(), req),
    'network:ranking': (req) => networkRanking(context(), req),
    'network:commissionRates': () => commissionRates(context().store),
    'network:addCommissionRate': (req) => addCommissionRate(context(), req),
    // Imports and exports of the network land with their pipeline (electron/core/network/import*).
    'network:previewImport': (req) => previewListsImport(context(), networkListPlans, req.file),
    'network:commitImport': (req) => commitListsImport(context(), networkListPlans, req.planId),
    'network:previewResults': (req) => previewResultsImport(context(), networkResultPlans, req.file, req.month),
    'network:commitResults': (req) => commitResultsImport(context(), networkResultPlans, req.planId),
    'network:batches': (req) => pageBatches(context().store, req),
    'network:undo': (req) => undoBatch(context(), req.batchId),
    'indicators:list': () => [...INDICATORS],
    'backups:list': hooks.listBackups,
    'backups:create': async () => {
      const ctx = context();
      if (!(ctx.store instanceof SqliteStore)) throw new AppError('BACKUP_BY_ADMIN', 'Dữ liệu nằm trên máy chủ PostgreSQL dùng chung: quản trị viên máy chủ sao lưu bằng pg_dump; ứng dụng không tạo bản sao lưu dạng tệp.');
      const info = await createBackup(ctx.store, ctx.dataDir, 'manual', ctx.now());
      await ctx.store.transaction(() => recordAudit(ctx.store, ctx.actor, { action: 'backup', entity: 'database', entityKey: info.fileName, summary: `Sao lưu dữ liệu: ${info.fileName}` }, ctx.now()));
      ctx.events.emit({ type: 'data-changed', area: 'backups' });
      return info;
    },
    'backups:restore': hooks.restore,
    'audit:list': (req) => listAudit(context().store, req),
    'demo:load': () => loadDemo(context()),
    'targets:list': (req) => listTargets(context(), req),
    'targets:set': (req) => setTarget(context(), req),
    'targets:breakdown': (req) => breakdownTargets(context(), req),
    'results:grid': (req) => resultGrid(context(), req),
    'results:saveGrid': (req) => saveGrid(context(), req),
    'results:set': (req) => setResult(context(), { ...req, note: req.note ?? null }),
    'results:compare': (req) => comparisonTable(context(), req),
    'dashboard:get': (req) => dashboard(context(), req),
    'imports:preview': (req) => previewImport(context(), req),
    'imports:stagedRows': (req) => stagedRows(context(), req),
    'imports:cancel': (req) => cancelImport(req.operationId),
    'imports:commit': (req) => commitImport(context(), req.sessionId, { skipErrorRows: req.skipErrorRows }),
    'imports:list': (req) => listImports(context(), req),
    'imports:undo': (req) => undoImport(context(), req.batchId),
    'imports:errorsWorkbook': (req) => errorsWorkbook(context(), hooks.downloads, req.sessionId),
    'settings:get': () => readSettings(context().store),
    'settings:set': async (req) => {
      const ctx = context();
      await ctx.store.transaction(async () => {
        if (req.jumpThreshold !== undefined) {
          await writeSetting(ctx.store, 'jumpThreshold', req.jumpThreshold);
          await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'settings', entityKey: 'jumpThreshold', summary: `Đổi ngưỡng biến động cần ghi chú thành ${formatPercent(req.jumpThreshold, 0)}` }, ctx.now());
        }
        if (req.inactiveMonths !== undefined) {
          await writeSetting(ctx.store, 'inactiveMonths', req.inactiveMonths);
          await recordAudit(ctx.store, ctx.actor, { action: 'update', entity: 'settings', entityKey: 'inactiveMonths', summary: `Nhân viên thu không có người tham gia mới trong ${req.inactiveMonths} tháng được đánh dấu không hoạt động` }, ctx.now());
        }
      });
      return readSettings(ctx.store);
    },
    'reports:sections': () => sectionCatalogue(),
    'reports:defaults': (req) => defaultDefinition(context(), req),
    'reports:build': (req) => buildReport(context(), req.definition),
    'reports:list': () => listReports(context()),
    'reports:get': (req) => getReport(context(), req.id),
    'reports:save': (req) => saveReport(context(), req),
    'reports:delete': (req) => deleteReport(context(), req.id),
    'reports:pdf': (req) => reportPdf(context(), hooks.downloads, hooks.printer(), req.id),
    'reports:excel': (req) => reportExcel(context(), hooks.downloads, req.id),
    'reports:pdfPreview': (req) => reportPdfPreview(context(), hooks.printer(), req.id),
    'reports:print': (req) => printReport(context(), hooks.printer(), req.id),
    'exports:comparison': (req) => exportComparison(context(), hooks.downloads, req),
    'exports:coverage': (req) => exportCoverage(context(), hooks.downloads, req),
    'exports:grid': (req) => exportGrid(context(), hooks.downloads, req),
    'exports:targets': (req) => exportTargets(context(), hooks.downloads, req),
    'exports:network': (req) => exportNetwork(context(), hooks.downloads, req),
    ...calcHandlers(context),
    ...campaignHandlers(context),
    ...campaignImportHandlers(context, hooks),
    ...emulationHandlers(context, hooks),
    ...peopleImportHandlers(context, hooks),
    ...people,
    ...peopleWalkHandlers(context, people['people:walkList']),
    ...arrearsHandlers(context, hooks),
  } satisfies Handlers;
}

/** Channels that still work when the database cannot be used (damaged, unreachable, wrong password, newer). */
export const RECOVERY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'backups:list',
  'backups:restore',
  'connection:get',
  'connection:test',
  'connection:save',
  'connection:reconnect',
]);
