import type { Result } from '../../../shared/contract';
import type { FileStore } from './fileStore';

type Flow = 'report' | 'units' | 'people';

const PREVIEWS: Record<string, { flow: Flow; planKey: 'sessionId' | 'planId' | 'batchId' }> = {
  'imports:preview': { flow: 'report', planKey: 'sessionId' },
  'units:previewImport': { flow: 'units', planKey: 'planId' },
  'people:previewImport': { flow: 'people', planKey: 'batchId' },
};

// A person list is personal data: its upload goes as soon as the list is written or thrown away.
const COMMITS: Record<string, 'sessionId' | 'planId' | 'batchId'> = {
  'imports:commit': 'sessionId',
  'units:commitImport': 'planId',
  'people:commitImport': 'batchId',
  'people:discardImport': 'batchId',
};

/**
 * Lets go of a file when its work is over, judged from the calls that pass by. A preview keeps
 * its file, because corrections (sheet, period, columns, units, validity date) preview the same
 * file again; a successful commit ends it; so does cancelling a file's first preview (the screen
 * drops the file then); a new file previewed in the same flow replaces the previous one. What is
 * left behind (a screen closed without committing) expires in FileStore.sweep.
 */
export class FileReleases {
  /** Preview plan or session id → the token of the file it was made from. */
  private planFiles = new Map<string, string>();
  private current = new Map<Flow, string>();
  private previewed = new Set<string>();

  constructor(private readonly files: FileStore) {}

  after(channel: string, request: unknown, result: Result<unknown>): void {
    this.forgetExpired();
    const preview = PREVIEWS[channel];
    if (preview) this.afterPreview(preview.flow, field(request, 'file', 'token'), result, field(result.ok ? result.value : null, preview.planKey));
    const commitKey = COMMITS[channel];
    if (commitKey && result.ok) {
      const token = this.planFiles.get(field(request, commitKey) ?? '');
      if (token) this.release(token);
    }
  }

  private afterPreview(flow: Flow, token: string | undefined, result: Result<unknown>, planId: string | undefined): void {
    if (!token) return;
    const before = this.current.get(flow);
    if (before && before !== token) this.release(before);
    this.current.set(flow, token);
    if (result.ok) {
      this.previewed.add(token);
      if (planId) this.planFiles.set(planId, token);
    } else if (result.error.code === 'CANCELLED' && !this.previewed.has(token)) {
      this.release(token);
    }
  }

  private release(token: string): void {
    this.files.release(token);
    this.previewed.delete(token);
    this.forgetExpired();
  }

  /** Files the store let go of (released, or expired in its sweep) are forgotten here too. */
  private forgetExpired(): void {
    for (const [flow, t] of this.current) if (!this.files.has(t)) this.current.delete(flow);
    for (const [plan, t] of this.planFiles) if (!this.files.has(t)) this.planFiles.delete(plan);
    for (const t of this.previewed) if (!this.files.has(t)) this.previewed.delete(t);
  }
}

function field(value: unknown, ...path: string[]): string | undefined {
  let at = value;
  for (const key of path) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'string' ? at : typeof at === 'number' ? String(at) : undefined;
}
