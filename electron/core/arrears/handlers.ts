import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';
import { PlanStore } from '../app/planStore';
import { pageArrearsBatches, undoArrearsBatch } from './batches';
import { commitArrearsImport, previewArrearsImport, type StoredArrearsPlan } from './importArrears';
import { reminderDocument } from './reminderDocument';
import { reminderTemplate, saveReminderTemplate } from './reminderTemplate';
import {
  actionsPage, arrearsOverview, deleteAction, employerDetail, employersPage, listArrearsTargets, logAction, promisesPage, saveArrearsTarget, saveEmployer, savePromise, settlePromise,
} from './service';


/** Employer arrears: overview, employers, actions, promises, targets, reminder letter, import with batches. */
export function arrearsHandlers(
  context: () => CoreContext,
  _hooks: CoreHooks,
): {
  'arrears:overview': Handler<'arrears:overview'>;
  'arrears:employers': Handler<'arrears:employers'>;
  'arrears:employer': Handler<'arrears:employer'>;
  'arrears:saveEmployer': Handler<'arrears:saveEmployer'>;
  'arrears:logAction': Handler<'arrears:logAction'>;
  'arrears:deleteAction': Handler<'arrears:deleteAction'>;
  'arrears:actions': Handler<'arrears:actions'>;
  'arrears:promises': Handler<'arrears:promises'>;
  'arrears:savePromise': Handler<'arrears:savePromise'>;
  'arrears:settlePromise': Handler<'arrears:settlePromise'>;
  'arrears:targets': Handler<'arrears:targets'>;
  'arrears:reminderTemplate': Handler<'arrears:reminderTemplate'>;
  'arrears:saveReminderTemplate': Handler<'arrears:saveReminderTemplate'>;
  'arrears:saveTarget': Handler<'arrears:saveTarget'>;
  'arrears:reminderDocument': Handler<'arrears:reminderDocument'>;
  'arrears:previewImport': Handler<'arrears:previewImport'>;
  'arrears:commitImport': Handler<'arrears:commitImport'>;
  'arrears:batches': Handler<'arrears:batches'>;
  'arrears:undoBatch': Handler<'arrears:undoBatch'>;
} {
  const plans = new PlanStore<StoredArrearsPlan>();
  return {
    'arrears:overview': (req) => arrearsOverview(context(), req),
    'arrears:employers': (req) => employersPage(context(), req),
    'arrears:employer': (req) => employerDetail(context(), req.id),
    'arrears:saveEmployer': (req) => saveEmployer(context(), req),
    'arrears:logAction': (req) => logAction(context(), req),
    'arrears:deleteAction': (req) => deleteAction(context(), req.id),
    'arrears:actions': (req) => actionsPage(context(), req),
    'arrears:promises': (req) => promisesPage(context(), req),
    'arrears:savePromise': (req) => savePromise(context(), req),
    'arrears:settlePromise': (req) => settlePromise(context(), req),
    'arrears:targets': (req) => listArrearsTargets(context(), req.officeCode),
    'arrears:reminderTemplate': () => reminderTemplate(context()),
    'arrears:saveReminderTemplate': (req) => saveReminderTemplate(context(), req.text),
    'arrears:saveTarget': (req) => saveArrearsTarget(context(), req),
    'arrears:reminderDocument': (req) => reminderDocument(context(), req),
    'arrears:previewImport': (req) => previewArrearsImport(context(), plans, req),
    'arrears:commitImport': (req) => commitArrearsImport(context(), plans, req.planId),
    'arrears:batches': (req) => pageArrearsBatches(context().store, req),
    'arrears:undoBatch': (req) => undoArrearsBatch(context(), req.batchId),
  };
}
