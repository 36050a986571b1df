import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure } from './output';

/** `campaigns list --period YYYY[-MM|-Qn]`: each campaign with its figures; JSON for scripts. */
export async function campaignsList(core: AppCore, io: CliIo, flags: { period?: string; office?: string; kind?: string }): Promise<number> {
  void core;
  void io;
  void flags;
  throw new CliFailure('Lệnh này đang được xây dựng.', 1);
}
