import type { CoreContext } from '../app/context';
import type { Handler } from '../app/handlers';
import { quoteDocument } from './quoteDocument';
import { calcBhxhTn, calcBhytHgd, endRule, listRules, saveRule } from './service';

type CalcChannel = 'calc:rules' | 'calc:saveRule' | 'calc:endRule' | 'calc:bhxhTn' | 'calc:bhytHgd' | 'calc:quoteDocument';

/** Contribution rules and calculators (channels in shared/contract/calcChannels.ts). */
export function calcHandlers(context: () => CoreContext): { [C in CalcChannel]: Handler<C> } {
  return {
    'calc:rules': (req) => listRules(context(), req.kind),
    'calc:saveRule': (req) => saveRule(context(), req),
    'calc:endRule': (req) => endRule(context(), req),
    'calc:bhxhTn': (req) => calcBhxhTn(context(), req),
    'calc:bhytHgd': (req) => calcBhytHgd(context(), req),
    'calc:quoteDocument': (req) => quoteDocument(context(), req),
  };
}
