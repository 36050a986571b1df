import { create } from 'zustand';
import type { AppErrorShape, AppInfo, ConnectionInfo, ConnectionTestOutcome, RequestOf, Result } from '../../../shared/contract';
import { call } from '../api/client';

interface ConnectionState {
  /** Where the data is (server fields without the password, or the file on this computer). */
  info: ConnectionInfo | null;
  error: AppErrorShape | null;
  load: () => Promise<void>;
  test: (request: RequestOf<'connection:test'>) => Promise<Result<ConnectionTestOutcome>>;
  /** Saves the connection, then reopens the database on it. */
  switchTo: (request: RequestOf<'connection:save'>) => Promise<Result<AppInfo>>;
}

/** The database connection: read by the recovery screen, the connection form and Sao lưu. */
export const useConnectionStore = create<ConnectionState>((set) => ({
  info: null,
  error: null,
  async load() {
    const res = await call('connection:get', {});
    set(res.ok ? { info: res.value, error: null } : { error: res.error });
  },
  test: (request) => call('connection:test', request),
  async switchTo(request) {
    const saved = await call('connection:save', request);
    if (!saved.ok) return saved;
    set({ info: saved.value });
    return call('connection:reconnect', {});
  },
}));
