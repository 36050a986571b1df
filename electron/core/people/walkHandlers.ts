import type { CoreContext } from '../app/context';
import type { Handler } from '../app/handlers';
import { walkDocument } from './walkDocument';

/** The printable walk list: the same people (and the same audit row) as people:walkList, laid out as a document. */
export function peopleWalkHandlers(context: () => CoreContext, walkList: Handler<'people:walkList'>): { 'people:walkDocument': Handler<'people:walkDocument'> } {
  return {
    'people:walkDocument': async (req) => walkDocument(context(), await walkList(req)),
  };
}
