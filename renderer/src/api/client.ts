import type { Api, Channel, DownloadRef, RequestOf, ResponseOf, Result } from '../../../shared/contract';
import { toErrorShape } from './errors';
import { createHttpApi } from './httpClient';

declare global {
  interface Window {
    /** Provided by the Electron preload; absent in browser mode. */
    api?: Api;
  }
}

/** The one way the renderer reaches data: Electron's preload API, or HTTP in browser mode. */
export const api: Api = window.api ?? createHttpApi();

export const isElectron = Boolean(window.api);

/** `api.invoke` that never rejects: a thrown error becomes a failed Result. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  try {
    return await api.invoke(channel, request);
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

/**
 * Saves a file core produced: a save dialog in Electron (false when the user cancels), a
 * browser download otherwise. Never rejects: a failure becomes a failed Result.
 */
export async function saveDownload(ref: DownloadRef): Promise<Result<boolean>> {
  try {
    return { ok: true, value: await api.saveDownload(ref) };
  } catch (err) {
    return { ok: false, error: toErrorShape(err) };
  }
}

type ExportChannel = 'exports:comparison' | 'exports:coverage' | 'exports:grid' | 'exports:targets';

/** Has core build a workbook, then saves it; fileName is null when the user cancelled the save. */
export async function exportTable<C extends ExportChannel>(
  channel: C,
  request: RequestOf<C>,
): Promise<Result<{ fileName: string | null }>> {
  const made = (await call(channel, request)) as Result<DownloadRef>;
  if (!made.ok) return made;
  const saved = await saveDownload(made.value);
  if (!saved.ok) return saved;
  return { ok: true, value: { fileName: saved.value ? made.value.fileName : null } };
}
