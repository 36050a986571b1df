import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../app/context';

const running = new Map<string, AbortController>();
// A cancel can overtake its preview over HTTP; remembering it lets the preview stop at once.
const cancelledEarly = new Set<string>();
const EARLY_CANCEL_MEMORY = 200;

export interface ImportOperation {
  id: string;
  signal: AbortSignal;
  /** Emits a progress event for this operation; done = total ends the task on screen. */
  progress(label: string, done: number, total: number): void;
  end(): void;
}

/** Starts a cancellable preview under the id the renderer chose (or a fresh one for the CLI). */
export function startOperation(ctx: Pick<CoreContext, 'events'>, id: string | undefined): ImportOperation {
  const taskId = id ?? randomUUID();
  const controller = new AbortController();
  if (cancelledEarly.delete(taskId)) controller.abort();
  running.set(taskId, controller);
  return {
    id: taskId,
    signal: controller.signal,
    progress: (label, done, total) => ctx.events.emit({ type: 'progress', taskId, label, done, total }),
    end: () => {
      if (running.get(taskId) === controller) running.delete(taskId);
      ctx.events.emit({ type: 'progress', taskId, label: 'Xong', done: 1, total: 1 });
    },
  };
}

/** Cancels a running preview; false when it had already ended (or never started). */
export function cancelOperation(id: string): boolean {
  const controller = running.get(id);
  if (controller) {
    controller.abort();
    return true;
  }
  cancelledEarly.add(id);
  if (cancelledEarly.size > EARLY_CANCEL_MEMORY) cancelledEarly.delete(cancelledEarly.values().next().value!);
  return false;
}
