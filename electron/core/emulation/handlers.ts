import type { CoreContext } from '../app/context';
import type { CoreHooks } from '../app/handlers';

/** Emulation criteria, scores and awards (channels in shared/contract/emulationChannels.ts). */
export function emulationHandlers(context: () => CoreContext, hooks: CoreHooks): Record<never, never> {
  void context;
  void hooks;
  return {};
}
