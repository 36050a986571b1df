import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure } from './output';

/** `emulation score --period YYYY|YYYY-Qn [--level unit|agent|staff]`. */
export async function emulationScore(core: AppCore, io: CliIo, flags: { period?: string; level?: string; office?: string }): Promise<number> {
  void core;
  void io;
  void flags;
  throw new CliFailure('Lệnh này đang được xây dựng.', 1);
}
