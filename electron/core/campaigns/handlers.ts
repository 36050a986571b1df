import type { CoreContext } from '../app/context';
import type { Handler } from '../app/handlers';
import { campaignCalendar, deleteCampaign, getCampaign, saveCampaign, searchCampaigns } from './campaigns';
import { campaignEffect } from './effect';
import { campaignTotals } from './totals';

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
  return {
    'campaigns:search': (req) => searchCampaigns(context(), req),
    'campaigns:calendar': (req) => campaignCalendar(context(), req),
    'campaigns:get': (req) => getCampaign(context(), req.id),
    'campaigns:save': (req) => saveCampaign(context(), req),
    'campaigns:delete': (req) => deleteCampaign(context(), req.id),
    'campaigns:effect': (req) => campaignEffect(context(), req.id, req.weeks),
    'campaigns:totals': (req) => campaignTotals(context(), req),
  };
}
