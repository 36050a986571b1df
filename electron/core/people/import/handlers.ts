import { AppError } from '../../../../shared/contract';
import type { CoreContext } from '../../app/context';
import type { CoreHooks, Handler } from '../../app/handlers';

const todo = (): never => {
  throw new AppError('CONFLICT', 'Chức năng này đang được xây dựng.');
};

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
  void context;
  void hooks;
  return {
    'people:previewImport': todo,
    'people:importRows': todo,
    'people:correctRow': todo,
    'people:commitImport': todo,
    'people:discardImport': todo,
    'people:cancelImport': todo,
    'people:exportImportErrors': todo,
    'people:batches': todo,
    'people:undoBatch': todo,
  };
}
