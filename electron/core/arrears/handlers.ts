import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';

const notReady = (): never => {
  throw new AppError('NOT_FOUND', 'Chức năng quản lý nợ đọng chưa sẵn sàng.');
};

/** Employer arrears: overview, employers, actions, promises, targets, reminder letter, import with batches. */
export function arrearsHandlers(
  _context: () => CoreContext,
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
  'arrears:saveTarget': Handler<'arrears:saveTarget'>;
  'arrears:reminderDocument': Handler<'arrears:reminderDocument'>;
  'arrears:previewImport': Handler<'arrears:previewImport'>;
  'arrears:commitImport': Handler<'arrears:commitImport'>;
  'arrears:batches': Handler<'arrears:batches'>;
  'arrears:undoBatch': Handler<'arrears:undoBatch'>;
} {
  return {
    'arrears:overview': notReady,
    'arrears:employers': notReady,
    'arrears:employer': notReady,
    'arrears:saveEmployer': notReady,
    'arrears:logAction': notReady,
    'arrears:deleteAction': notReady,
    'arrears:actions': notReady,
    'arrears:promises': notReady,
    'arrears:savePromise': notReady,
    'arrears:settlePromise': notReady,
    'arrears:targets': notReady,
    'arrears:saveTarget': notReady,
    'arrears:reminderDocument': notReady,
    'arrears:previewImport': notReady,
    'arrears:commitImport': notReady,
    'arrears:batches': notReady,
    'arrears:undoBatch': notReady,
  };
}
