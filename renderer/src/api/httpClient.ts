import type { Api, AppEvent, Channel, DownloadRef, FileRef, PickFileOptions, RequestOf, ResponseOf, Result } from '../../../shared/contract';
import { ApiError, NETWORK_ERROR_MESSAGE, isResult, networkError } from './errors';

/**
 * Browser mode: the same contract over the loopback HTTP server.
 * The page is opened at http://127.0.0.1:PORT/#t=TOKEN; the token moves to sessionStorage
 * and out of the address bar.
 */
const TOKEN_KEY = 'bhxh-token';
const RECONNECT_MS = 3000;

export function takeTokenFromLocation(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (hash) {
    const t = new URLSearchParams(hash).get('t');
    if (t) {
      try {
        sessionStorage.setItem(TOKEN_KEY, t);
      } catch {
        /* storage disabled: keep the token in memory only */
      }
      memoryToken = t;
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

let memoryToken: string | null = null;

function token(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? memoryToken ?? '';
  } catch {
    return memoryToken ?? '';
  }
}

/** The browser-mode token, for addresses that open another window of the app (the report print page). */
export function currentToken(): string | null {
  return token() || null;
}

async function readResult<T>(res: Response): Promise<Result<T>> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: answered below by status */
  }
  if (isResult(body)) return body as Result<T>;
  // The server says why in its JSON; this covers a 413 that arrives without it.
  if (res.status === 413) return { ok: false, error: { code: 'TOO_LARGE', message: 'Tệp hoặc dữ liệu gửi lên quá lớn.' } };
  return {
    ok: false,
    error: { code: 'INTERNAL', message: `Máy chủ BHXH Desk trả lời không hợp lệ (HTTP ${res.status}).` },
  };
}

/** Opens the browser's file dialog; resolves null when the user cancels. */
function chooseFile(extensions: string[] | undefined): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (extensions?.length) input.accept = extensions.map((e) => '.' + e.replace(/^\./, '')).join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', 'file-picker-input');
    let settled = false;
    const finish = (file: File | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => finish(null));
    document.body.appendChild(input);
    input.click();
  });
}

/** The file name a Content-Disposition header carries (RFC 5987 `filename*` first). */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1]!.trim() : null;
}

/** Hands bytes to the browser as a download named `fileName` (a temporary Blob URL and <a download>). */
function triggerDownload(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the Blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function createHttpApi(): Api {
  takeTokenFromLocation();

  const listeners = new Set<(event: AppEvent) => void>();
  let stream: AbortController | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const dispatchEvent = (event: AppEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        console.error('Lỗi khi xử lý sự kiện', err);
      }
    }
  };

  const scheduleReconnect = () => {
    if (reconnectTimer || listeners.size === 0) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (listeners.size > 0) void connect();
    }, RECONNECT_MS);
  };

  const connect = async () => {
    const controller = new AbortController();
    stream = controller;
    try {
      const res = await fetch('/api/events', {
        headers: { 'X-BHXH-Token': token(), Accept: 'text/event-stream' },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value.replace(/\r\n/g, '\n');
        let sep: number;
        while ((sep = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, ''))
            .join('\n');
          if (!data) continue;
          try {
            dispatchEvent(JSON.parse(data) as AppEvent);
          } catch {
            /* ignore malformed event */
          }
        }
      }
    } catch {
      /* aborted or network failure: fall through to reconnect */
    }
    if (stream === controller && !controller.signal.aborted) {
      stream = null;
      scheduleReconnect();
    }
  };

  return {
    async invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
      let res: Response;
      try {
        res = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-BHXH-Token': token() },
          body: JSON.stringify(request ?? {}),
          cache: 'no-store',
        });
      } catch {
        return networkError();
      }
      return readResult<ResponseOf<C>>(res);
    },

    async pickFile(options?: PickFileOptions): Promise<FileRef | null> {
      const file = await chooseFile(options?.extensions);
      if (!file) return null;
      let res: Response;
      try {
        res = await fetch('/api/files', {
          method: 'POST',
          headers: {
            'X-BHXH-Token': token(),
            'X-File-Name': encodeURIComponent(file.name),
            'Content-Type': 'application/octet-stream',
          },
          body: file,
        });
      } catch {
        throw new ApiError({ code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE });
      }
      const result = await readResult<FileRef>(res);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },

    async saveDownload(ref: DownloadRef): Promise<boolean> {
      let res: Response;
      try {
        res = await fetch(`/api/downloads/${encodeURIComponent(ref.token)}`, {
          headers: { 'X-BHXH-Token': token() },
          cache: 'no-store',
        });
      } catch {
        throw new ApiError({ code: 'INTERNAL', message: NETWORK_ERROR_MESSAGE });
      }
      if (!res.ok) {
        const result = await readResult<never>(res);
        throw new ApiError(
          result.ok ? { code: 'INTERNAL', message: `Không tải được tệp "${ref.fileName}".` } : result.error,
        );
      }
      const blob = await res.blob();
      triggerDownload(blob, ref.fileName || fileNameFromDisposition(res.headers.get('Content-Disposition')) || 'bhxh-desk.xlsx');
      return true;
    },

    onEvent(listener: (event: AppEvent) => void): () => void {
      listeners.add(listener);
      if (!stream && !reconnectTimer) void connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          stream?.abort();
          stream = null;
          if (reconnectTimer) clearTimeout(reconnectTimer);
          reconnectTimer = null;
        }
      };
    },
  };
}
