import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import type { Handler } from '../app/handlers';

const notYet = (): never => {
  throw new AppError('UNAVAILABLE', 'Chức năng này đang được xây dựng.');
};

/** The campaign channels except import and export (importHandlers.ts). */
export function campaignHandlers(context: () => CoreContext): {
  'campaigns:search': Handler<'campaigns:search'>;
  'campaigns:calendar': Handler<'campaigns:calendar'>;
  'campaigns:get': Handler<'campaigns:get'>;
  'campaigns:save': Handler<'campaigns:save'>;
  'campaigns:delete': Handler<'campaigns:delete'>;
  'campaigns:effect': Handler<'campaigns:effect'>;
  'campaigns:totals': Handler<'campaigns:totals'>;
} {
  void context;
  return {
    'campaigns:search': notYet,
    'campaigns:calendar': notYet,
    'campaigns:get': notYet,
    'campaigns:save': notYet,
    'campaigns:delete': notYet,
    'campaigns:effect': notYet,
    'campaigns:totals': notYet,
  };
}
