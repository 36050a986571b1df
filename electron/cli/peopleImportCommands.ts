import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure } from './output';

export async function peopleImport(core: AppCore, io: CliIo, file: string, flags: { list?: string; dryRun?: boolean }): Promise<number> {
  void core; void io; void file; void flags;
  throw new CliFailure('Chức năng này đang được xây dựng.', 1);
}
