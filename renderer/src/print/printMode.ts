/** `?print=report&id=N[&autoprint=1]`: the page core's PDF renderer (and the "In" button) opens. */
export interface PrintRequest {
  id: number;
  autoprint: boolean;
}

export function printRequestFrom(search: string): PrintRequest | null {
  const params = new URLSearchParams(search);
  if (params.get('print') !== 'report') return null;
  const id = Number(params.get('id'));
  return { id: Number.isInteger(id) && id > 0 ? id : 0, autoprint: params.get('autoprint') === '1' };
}

/** The print page's address for a saved report (the browser-mode token travels in the hash). */
export function printUrl(id: number, options: { autoprint?: boolean; token?: string | null } = {}): string {
  const params = new URLSearchParams({ print: 'report', id: String(id) });
  if (options.autoprint) params.set('autoprint', '1');
  const hash = options.token ? `#t=${encodeURIComponent(options.token)}` : '';
  return `${window.location.origin}${window.location.pathname}?${params.toString()}${hash}`;
}
