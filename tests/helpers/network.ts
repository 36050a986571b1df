import type { AppCore } from '../../electron/core/app/appCore';
import { deleteDemoCampaigns } from '../../electron/core/demo/demoCampaigns';
import { deleteDemoNetwork } from '../../electron/core/demo/demoNetwork';
import { call, storeOf } from './core';

/**
 * The demo province (units, offices, figures) without its collection-agent network and its
 * campaigns (which name demo agents as partners), so a test's own agents, staff and campaigns are
 * the only ones its lists, rankings and exports show. Removed with the functions a demo reload uses.
 */
export async function demoWithoutNetwork(core: AppCore): Promise<void> {
  await call(core, 'demo:load', {});
  const store = storeOf(core);
  await store.transaction(async () => {
    await deleteDemoCampaigns(store);
    await deleteDemoNetwork(store);
  });
}
