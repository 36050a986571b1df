import { call } from '../api/client';

let pending: { id: number; promise: ReturnType<typeof fetchReport> } | null = null;

function fetchReport(id: number) {
  return call('reports:get', { id });
}

/**
 * The saved report for the print page. main.tsx asks for it before the page's code has
 * loaded, so the request and the chunk downloads overlap (every PDF pays for this wait).
 */
export function loadPrintData(id: number): ReturnType<typeof fetchReport> {
  if (!pending || pending.id !== id) pending = { id, promise: fetchReport(id) };
  return pending.promise;
}
