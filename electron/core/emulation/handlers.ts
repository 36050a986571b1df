import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';
import { deleteAward, saveAward, searchAwards } from './awards';
import { listCriteriaSets, saveCriteriaSet } from './criteria';
import { emulationDocument } from './document';
import { exportAwards, exportEmulation } from './exports';
import { scoreEmulation } from './scoring';

type EmulationChannel =
  | 'emulation:criteriaSets' | 'emulation:saveCriteriaSet' | 'emulation:score' | 'emulation:document'
  | 'awards:search' | 'awards:save' | 'awards:delete' | 'exports:emulation' | 'exports:awards';

/** Emulation criteria, scores and awards (channels in shared/contract/emulationChannels.ts). */
export function emulationHandlers(context: () => CoreContext, hooks: CoreHooks): { [C in EmulationChannel]: Handler<C> } {
  return {
    'emulation:criteriaSets': (req) => listCriteriaSets(context(), req.level),
    'emulation:saveCriteriaSet': (req) => saveCriteriaSet(context(), req),
    'emulation:score': (req) => scoreEmulation(context(), req),
    'emulation:document': (req) => emulationDocument(context(), req),
    'awards:search': (req) => searchAwards(context(), req),
    'awards:save': (req) => saveAward(context(), req),
    'awards:delete': (req) => deleteAward(context(), req.id),
    'exports:emulation': (req) => exportEmulation(context(), hooks.downloads, req),
    'exports:awards': (req) => exportAwards(context(), hooks.downloads, req),
  };
}
