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
  /** The page of the audit log on screen (the log itself grows without bound: it is paged in core). */
  audit: AuditEntry[];
  auditTotal: number;
  auditOffset: number;
  auditLoaded: boolean;
  auditLoading: boolean;
  auditError: AppErrorShape | null;
  load: () => Promise<void>;
  /** Loads a page (1-based) of the audit log, or reloads the one on screen. */
  loadAudit: (page?: number) => Promise<void>;
  create: () => Promise<Result<BackupInfo>>;
  restore: (fileName: string) => Promise<Result<RestoreOutcome>>;
}

/** Rows of the audit log per page. */
export const AUDIT_PAGE_SIZE = 10;

export const useBackupsStore = create<BackupsState>((set, get) => ({
  backups: [],
  loaded: false,
  loading: false,
  error: null,
  creating: false,
  restoring: null,
  audit: [],
  auditTotal: 0,
  auditOffset: 0,
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

  loadAudit: async (page) => {
    const offset = page === undefined ? get().auditOffset : (page - 1) * AUDIT_PAGE_SIZE;
    set({ auditLoading: true, auditError: null });
    const res = await call('audit:list', { offset, limit: AUDIT_PAGE_SIZE });
    if (res.ok) set({ audit: res.value.items, auditTotal: res.value.total, auditOffset: offset, auditLoaded: true, auditLoading: false });
    else set({ auditLoaded: true, auditLoading: false, auditError: res.error });
  },

  create: async () => {
    set({ creating: true });
    const res = await call('backups:create', {});
    set({ creating: false });
    if (res.ok) await Promise.all([get().load(), get().loadAudit(1)]);
    return res;
  },

  restore: async (fileName) => {
    set({ restoring: fileName });
    const res = await call('backups:restore', { fileName });
    set({ restoring: null });
    return res;
  },
}));
