import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import type { Handler } from '../app/handlers';

/** The printable walk list (a ReportDocument built from people:walkList's data). */
export function peopleWalkHandlers(context: () => CoreContext): { 'people:walkDocument': Handler<'people:walkDocument'> } {
  void context;
  return {
    'people:walkDocument': () => {
      throw new AppError('CONFLICT', 'Chức năng này đang được xây dựng.');
    },
  };
}
