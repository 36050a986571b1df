import type { AppCore } from '../../electron/core/app/appCore';
import { deleteDemoCampaigns } from '../../electron/core/demo/demoCampaigns';
import { deleteDemoNetwork } from '../../electron/core/demo/demoNetwork';
import { deleteDemoPeople } from '../../electron/core/demo/demoPeople';
import { call, storeOf } from './core';

/**
 * The demo province (units, offices, figures) without its collection-agent network, its
 * campaigns (which name demo agents as partners) and its person lists (assigned to demo staff),
 * so a test's own agents, staff, campaigns and lists are the only ones its screens and exports
 * show. Removed with the functions a demo reload uses.
 */
export async function demoWithoutNetwork(core: AppCore): Promise<void> {
  await call(core, 'demo:load', {});
  const store = storeOf(core);
  await store.transaction(async () => {
    await deleteDemoPeople(store);
    await deleteDemoCampaigns(store);
    await deleteDemoNetwork(store);
  });
}
