import type { AppCore } from '../../electron/core/app/appCore';
import { deleteDemoNetwork } from '../../electron/core/demo/demoNetwork';
import { call, storeOf } from './core';

/**
 * The demo province (units, offices, figures) without its collection-agent network, so a test's
 * own agents and staff are the only ones its lists, rankings and exports show. Removed with the
 * same function a demo reload uses.
 */
export async function demoWithoutNetwork(core: AppCore): Promise<void> {
  await call(core, 'demo:load', {});
  const store = storeOf(core);
  await store.transaction(() => deleteDemoNetwork(store));
}
