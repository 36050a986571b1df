import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';

const notYet = (): never => {
  throw new AppError('UNAVAILABLE', 'Chức năng này đang được xây dựng.');
};

/** Campaign lists in and out of Excel: preview, commit, history with undo, formatted export. */
export function campaignImportHandlers(
  context: () => CoreContext,
  hooks: CoreHooks,
): {
  'campaigns:previewImport': Handler<'campaigns:previewImport'>;
  'campaigns:commitImport': Handler<'campaigns:commitImport'>;
  'campaigns:batches': Handler<'campaigns:batches'>;
  'campaigns:undo': Handler<'campaigns:undo'>;
  'exports:campaigns': Handler<'exports:campaigns'>;
} {
  void context;
  void hooks;
  return {
    'campaigns:previewImport': notYet,
    'campaigns:commitImport': notYet,
    'campaigns:batches': notYet,
    'campaigns:undo': notYet,
    'exports:campaigns': notYet,
  };
}
