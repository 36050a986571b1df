import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure } from './output';

/** `campaigns import <file> [--dry-run]`. */
export async function campaignsImport(core: AppCore, io: CliIo, file: string, flags: { dryRun?: boolean }): Promise<number> {
  void core;
  void io;
  void file;
  void flags;
  throw new CliFailure('Lệnh này đang được xây dựng.', 1);
}
