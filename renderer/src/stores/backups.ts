import { create } from 'zustand';
import type { AppErrorShape, AuditEntry, BackupInfo, RestoreOutcome, Result } from '../../../shared/contract';
import { call } from '../api/client';

interface BackupsState {
  backups: BackupInfo[];
  loaded: boolean;
  loading: boolean;
  error: AppErrorShape | null;
  creating: boolean;
  /** File name of the backup being restored, if any. */
  restoring: string | null;
  audit: AuditEntry[];
  auditLoaded: boolean;
  auditLoading: boolean;
  auditError: AppErrorShape | null;
  load: () => Promise<void>;
  loadAudit: () => Promise<void>;
  create: () => Promise<Result<BackupInfo>>;
  restore: (fileName: string) => Promise<Result<RestoreOutcome>>;
}

export const useBackupsStore = create<BackupsState>((set, get) => ({
  backups: [],
  loaded: false,
  loading: false,
  error: null,
  creating: false,
  restoring: null,
  audit: [],
  auditLoaded: false,
  auditLoading: false,
  auditError: null,

  load: async () => {
    set({ loading: true, error: null });
    const res = await call('backups:list', {});
    if (res.ok) {
      const backups = [...res.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      set({ backups, loaded: true, loading: false });
    } else set({ loaded: true, loading: false, error: res.error });
  },

  loadAudit: async () => {
    set({ auditLoading: true, auditError: null });
    const res = await call('audit:list', { limit: 200 });
    if (res.ok) set({ audit: res.value, auditLoaded: true, auditLoading: false });
    else set({ auditLoaded: true, auditLoading: false, auditError: res.error });
  },

  create: async () => {
    set({ creating: true });
    const res = await call('backups:create', {});
    set({ creating: false });
    if (res.ok) await Promise.all([get().load(), get().loadAudit()]);
    return res;
  },

  restore: async (fileName) => {
    set({ restoring: fileName });
    const res = await call('backups:restore', { fileName });
    set({ restoring: null });
    return res;
  },
}));
