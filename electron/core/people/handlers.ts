import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';
import { assignPeople } from './assign';
import { conversionReport } from './conversion';
import { exportPeople } from './exportPeople';
import { deletePersonList, listPersonLists, savePersonList } from './lists';
import { getPerson, logContact, revealPerson, updatePerson } from './person';
import { searchPeople } from './search';
import { exportSheet, walkList } from './sheets';

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
  return {
    'people:lists': () => listPersonLists(context()),
    'people:saveList': (req) => savePersonList(context(), req),
    'people:deleteList': (req) => deletePersonList(context(), req),
    'people:search': (req) => searchPeople(context(), req),
    'people:get': (req) => getPerson(context(), req.id),
    'people:reveal': (req) => revealPerson(context(), req),
    'people:update': (req) => updatePerson(context(), req),
    'people:logContact': (req) => logContact(context(), req),
    'people:assign': (req) => assignPeople(context(), req),
    'people:exportSheet': (req) => exportSheet(context(), hooks.downloads, req),
    'people:walkList': (req) => walkList(context(), req),
    'people:export': (req) => exportPeople(context(), hooks.downloads, req),
    'people:conversion': (req) => conversionReport(context(), req),
  };
}
