import type { CoreContext } from '../app/context';
import type { PlanStore } from '../app/planStore';
import { cancelOperation, startOperation } from './operations';
import { buildPreview, type ImportSession, type PreviewRequest } from './preview';

/** A preview as the channel runs it: cancellable, with progress, kept until committed. */
export async function previewImport(ctx: CoreContext, sessions: PlanStore<ImportSession>, req: PreviewRequest) {
  const op = startOperation(ctx, req.operationId);
  try {
    const session = await buildPreview(ctx, req, op);
    // The id travels in the preview so the commit finds exactly this plan.
    session.preview.sessionId = sessions.put(session);
    return session.preview;
  } finally {
    op.end();
  }
}

export function cancelImport(operationId: string): { cancelled: boolean } {
  return { cancelled: cancelOperation(operationId) };
}
