import { AppError } from '../../../shared/contract';
import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';

const todo = (): never => {
  throw new AppError('CONFLICT', 'Chức năng này đang được xây dựng.');
};

/** Person lists: lists, search, one person, reveal, assignment, sheets, conversion (import: import/handlers.ts). */
export function peopleHandlers(
  context: () => CoreContext,
  hooks: CoreHooks,
): {
  'people:lists': Handler<'people:lists'>;
  'people:saveList': Handler<'people:saveList'>;
  'people:deleteList': Handler<'people:deleteList'>;
  'people:search': Handler<'people:search'>;
  'people:get': Handler<'people:get'>;
  'people:reveal': Handler<'people:reveal'>;
  'people:update': Handler<'people:update'>;
  'people:logContact': Handler<'people:logContact'>;
  'people:assign': Handler<'people:assign'>;
  'people:exportSheet': Handler<'people:exportSheet'>;
  'people:walkList': Handler<'people:walkList'>;
  'people:export': Handler<'people:export'>;
  'people:conversion': Handler<'people:conversion'>;
} {
  void context;
  void hooks;
  return {
    'people:lists': todo,
    'people:saveList': todo,
    'people:deleteList': todo,
    'people:search': todo,
    'people:get': todo,
    'people:reveal': todo,
    'people:update': todo,
    'people:logContact': todo,
    'people:assign': todo,
    'people:exportSheet': todo,
    'people:walkList': todo,
    'people:export': todo,
    'people:conversion': todo,
  };
}
