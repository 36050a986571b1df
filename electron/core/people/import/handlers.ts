import type { CoreContext } from '../../app/context';
import type { CoreHooks, Handler } from '../../app/handlers';
import { cancelOperation } from '../../imports/operations';
import { dropStaged, listBatches, stagedBatch } from './batches';
import { commitPeopleImport } from './commit';
import { peopleErrorsWorkbook } from './errorsWorkbook';
import { previewPeopleImport } from './preview';
import { correctStagedRow, pageStagedRows } from './rows';
import { undoPeopleBatch } from './undo';

/** The person-list import pipeline: staged preview, rows, corrections, commit, batches with undo. */
export function peopleImportHandlers(
  context: () => CoreContext,
  hooks: CoreHooks,
): {
  'people:previewImport': Handler<'people:previewImport'>;
  'people:importRows': Handler<'people:importRows'>;
  'people:correctRow': Handler<'people:correctRow'>;
  'people:commitImport': Handler<'people:commitImport'>;
  'people:discardImport': Handler<'people:discardImport'>;
  'people:cancelImport': Handler<'people:cancelImport'>;
  'people:exportImportErrors': Handler<'people:exportImportErrors'>;
  'people:batches': Handler<'people:batches'>;
  'people:undoBatch': Handler<'people:undoBatch'>;
} {
  return {
    'people:previewImport': (req) => previewPeopleImport(context(), req),
    'people:importRows': (req) => pageStagedRows(context(), req),
    'people:correctRow': (req) => correctStagedRow(context(), req),
    'people:commitImport': (req) => commitPeopleImport(context(), req.batchId, req.operationId),
    'people:discardImport': async (req) => {
      const { store } = context();
      await stagedBatch(store, req.batchId);
      await dropStaged(store, req.batchId, 'discarded');
      return { discarded: true };
    },
    'people:cancelImport': async (req) => ({ cancelled: cancelOperation(req.operationId) }),
    'people:exportImportErrors': (req) => peopleErrorsWorkbook(context(), hooks.downloads, req.batchId),
    'people:batches': (req) => listBatches(context().store, req.listId),
    'people:undoBatch': (req) => undoPeopleBatch(context(), req.batchId),
  };
}
