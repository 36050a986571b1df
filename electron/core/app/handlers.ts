import { AppError, type Channel, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract';
import { INDICATORS } from '../../../shared/domain/indicators';
import { listAudit } from '../audit/audit';
import { createBackup } from '../backups/backups';
import { loadDemo } from '../demo/loadDemo';
import { OfficeRepository } from '../offices/repository';
import { commitUnitImport, previewUnitImport, type StoredUnitPlan } from '../units/importService';
import { getUnitDetail, listUnits, recordMerge, updateUnit } from '../units/service';
import type { CoreContext } from './context';
import { PlanStore } from './planStore';

export type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Hooks the app core owns itself (info and restore touch the connection, not just the data). */
export interface CoreHooks {
  info: Handler<'app:info'>;
  restore: Handler<'backups:restore'>;
  listBackups: Handler<'backups:list'>;
}

/** Binds every channel of the contract to core; `satisfies` makes a missing channel a type error. */
export function createHandlers(context: () => CoreContext, hooks: CoreHooks): Handlers {
  const unitPlans = new PlanStore<StoredUnitPlan>();
  return {
    'app:info': hooks.info,
    'units:list': (req) => listUnits(context(), req),
    'units:get': (req) => getUnitDetail(context(), req.code),
    'units:update': (req) => updateUnit(context(), req),
    'units:previewImport': (req) => previewUnitImport(context(), unitPlans, req.file, req.validFrom),
    'units:commitImport': (req) => commitUnitImport(context(), unitPlans, req.planId),
    'units:recordMerge': (req) => recordMerge(context(), req),
    'offices:list': () => new OfficeRepository(context().db).list(),
    'indicators:list': () => [...INDICATORS],
    'backups:list': hooks.listBackups,
    'backups:create': async () => {
      const ctx = context();
      const info = await createBackup(ctx.db, ctx.dataDir, 'manual', ctx.now());
      ctx.events.emit({ type: 'data-changed', area: 'backups' });
      return info;
    },
    'backups:restore': hooks.restore,
    'audit:list': (req) => listAudit(context().db, req.limit ?? 200),
    'demo:load': () => loadDemo(context()),
  } satisfies Handlers;
}

/** Channels that still work when the database failed its integrity check. */
export const RECOVERY_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['app:info', 'backups:list', 'backups:restore']);

export function corruptError(message: string | null): AppError {
  return new AppError('DB_CORRUPT', `Cơ sở dữ liệu bị hỏng (${message ?? 'không rõ lỗi'}). Hãy khôi phục từ một bản sao lưu.`);
}
