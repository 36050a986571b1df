import type { AppCore } from '../core/app/appCore';
import type { CliIo } from './commands';
import { CliFailure } from './output';

// Stubs until the people service lands; each command keeps its signature.
const todo = (): never => {
  throw new CliFailure('Chức năng này đang được xây dựng.', 1);
};

export async function peopleSearch(core: AppCore, io: CliIo, text: string, flags: { commune?: string; list?: string }): Promise<number> {
  void core; void io; void text; void flags;
  return todo();
}
export async function peopleAssign(core: AppCore, io: CliIo, flags: { commune: string; hamlet?: string; staff: string; list?: string }): Promise<number> {
  void core; void io; void flags;
  return todo();
}
export async function peopleExport(core: AppCore, io: CliIo, flags: { staff: string; out: string; list?: string }): Promise<number> {
  void core; void io; void flags;
  return todo();
}
export async function peopleLists(core: AppCore, io: CliIo): Promise<number> {
  void core; void io;
  return todo();
}
export async function peopleDeleteList(core: AppCore, io: CliIo, name: string): Promise<number> {
  void core; void io; void name;
  return todo();
}
