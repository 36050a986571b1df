import type { CoreContext } from '../app/context';
import type { CoreHooks, Handler } from '../app/handlers';
import { PlanStore } from '../app/planStore';
import { exportCampaigns } from './exportCampaigns';
import { searchCampaigns } from './campaigns';
import { pageCampaignBatches, undoCampaignBatch } from './importBatches';
import { commitCampaignImport, previewCampaignImport, type StoredCampaignPlan } from './importCampaigns';

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
  const plans = new PlanStore<StoredCampaignPlan>();
  return {
    'campaigns:previewImport': (req) => previewCampaignImport(context(), plans, req.file),
    'campaigns:commitImport': (req) => commitCampaignImport(context(), plans, req.planId),
    'campaigns:batches': (req) => pageCampaignBatches(context().store, req),
    'campaigns:undo': (req) => undoCampaignBatch(context(), req.batchId),
    'exports:campaigns': (req) => exportCampaigns(context(), hooks.downloads, req, (r) => searchCampaigns(context(), r)),
  };
}
