import { create } from 'zustand';
import type { AppErrorShape, FileRef, Page, PersonImportOutcome, PersonImportPreview, RequestOf, StagedRow } from '../../../shared/contract';
import type { PersonField, PersonListKind } from '../../../shared/domain/people';
import { api, call, saveDownload } from '../api/client';
import { toErrorShape } from '../api/errors';
import { afterPeopleChange } from './personLists';

const EXTENSIONS = ['xlsx', 'xls', 'ods', 'csv'];
export const STAGED_PAGE_SIZE = 50;
export type StagedFilter = 'error' | 'duplicate' | 'update' | 'ok';

function newOperationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `nhap-ds-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export interface ImportTarget {
  listId?: number;
  listName?: string;
  listKind?: PersonListKind;
}

interface PeopleImportState {
  open: boolean;
  file: FileRef | null;
  target: ImportTarget;
  /** Set while a preview or commit runs: its progress events carry it and "Hủy" sends it. */
  operationId: string | null;
  stage: 'idle' | 'reading' | 'preview' | 'committing' | 'done';
  preview: PersonImportPreview | null;
  outcome: PersonImportOutcome | null;
  error: AppErrorShape | null;
  cancelledMessage: string | null;
  rowsFilter: StagedFilter;
  rows: Page<StagedRow> | null;
  rowsPage: number;
  rowsError: AppErrorShape | null;
  openDialog: (target?: ImportTarget) => void;
  close: () => Promise<void>;
  setTarget: (patch: ImportTarget) => void;
  pick: () => Promise<void>;
  /** Reads the picked file again with a corrected column mapping (or another sheet). */
  run: (extra?: { mapping?: Record<string, PersonField | null>; sheet?: string }) => Promise<void>;
  cancel: () => Promise<void>;
  loadRows: (patch?: { filter?: StagedFilter; page?: number }) => Promise<void>;
  correctRow: (rowNo: number, values: Partial<Record<PersonField, string>>) => Promise<StagedRow | AppErrorShape>;
  exportErrors: () => Promise<AppErrorShape | null>;
  commit: () => Promise<void>;
}

/** "Nhập danh sách": pick a workbook, stage it as a job with progress and cancel, page over what was staged, commit that. */
export const usePeopleImport = create<PeopleImportState>((set, get) => ({
  open: false,
  file: null,
  target: {},
  operationId: null,
  stage: 'idle',
  preview: null,
  outcome: null,
  error: null,
  cancelledMessage: null,
  rowsFilter: 'error',
  rows: null,
  rowsPage: 1,
  rowsError: null,
  openDialog: (target = {}) =>
    set({ open: true, file: null, target, operationId: null, stage: 'idle', preview: null, outcome: null, error: null, cancelledMessage: null, rows: null, rowsPage: 1 }),
  close: async () => {
    const { preview, stage, operationId } = get();
    if (operationId) await call('people:cancelImport', { operationId });
    // A staged file nobody committed is thrown away, not left in the database.
    if (preview && stage === 'preview') await call('people:discardImport', { batchId: preview.batchId });
    set({ open: false, operationId: null, stage: 'idle', preview: null });
  },
  setTarget: (patch) => set((s) => ({ target: { ...s.target, ...patch } })),
  pick: async () => {
    let file: FileRef | null;
    try {
      file = await api.pickFile({ title: 'Chọn tệp Excel danh sách người vận động', extensions: EXTENSIONS });
    } catch (err) {
      set({ error: toErrorShape(err) });
      return;
    }
    if (!file) return;
    const target = get().target;
    if (!target.listId && !target.listName) set({ target: { ...target, listName: file.name.replace(/\.[^.]+$/, '') } });
    set({ file });
    await get().run();
  },
  run: async (extra = {}) => {
    const { file, target, preview } = get();
    if (!file) return;
    if (preview) await call('people:discardImport', { batchId: preview.batchId });
    const operationId = newOperationId();
    set({ stage: 'reading', operationId, error: null, cancelledMessage: null, preview: null, rows: null });
    const req: RequestOf<'people:previewImport'> = { file, operationId, ...target, ...extra };
    const res = await call('people:previewImport', req);
    if (get().operationId !== operationId) return;
    if (res.ok) {
      set({ preview: res.value, stage: 'preview', operationId: null, rowsPage: 1, rowsFilter: res.value.counts.error > 0 ? 'error' : res.value.counts.duplicate > 0 ? 'duplicate' : 'ok' });
      await get().loadRows();
    } else if (res.error.code === 'CANCELLED') set({ stage: 'idle', operationId: null, cancelledMessage: res.error.message });
    else set({ stage: 'idle', operationId: null, error: res.error });
  },
  cancel: async () => {
    const { operationId } = get();
    if (operationId) await call('people:cancelImport', { operationId });
  },
  loadRows: async (patch = {}) => {
    const preview = get().preview;
    if (!preview) return;
    const filter = patch.filter ?? get().rowsFilter;
    const page = patch.page ?? (patch.filter ? 1 : get().rowsPage);
    set({ rowsFilter: filter, rowsPage: page });
    const res = await call('people:importRows', { batchId: preview.batchId, status: filter, offset: (page - 1) * STAGED_PAGE_SIZE, limit: STAGED_PAGE_SIZE });
    if (get().rowsFilter !== filter || get().rowsPage !== page) return;
    set(res.ok ? { rows: res.value, rowsError: null } : { rowsError: res.error });
  },
  correctRow: async (rowNo, values) => {
    const preview = get().preview;
    if (!preview) return { code: 'NOT_FOUND', message: 'Chưa có tệp nào đang xem trước.' };
    const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<PersonField, string>;
    const res = await call('people:correctRow', { batchId: preview.batchId, rowNo, values: clean });
    if (!res.ok) return res.error;
    // Counts moved (an error row became ok): read them again with the same mapping, from the stage.
    const rows = get().rows;
    if (rows) set({ rows: { ...rows, items: rows.items.map((r) => (r.rowNo === rowNo ? res.value : r)) } });
    const counts = { ...preview.counts };
    if (res.value.status !== 'error') {
      counts.error = Math.max(0, counts.error - 1);
      counts[res.value.status] += 1;
    }
    set({ preview: { ...preview, counts, canCommit: preview.missingFields.length === 0 && counts.ok + counts.duplicate + counts.update > 0 } });
    return res.value;
  },
  exportErrors: async () => {
    const preview = get().preview;
    if (!preview) return null;
    const res = await call('people:exportImportErrors', { batchId: preview.batchId });
    if (!res.ok) return res.error;
    const saved = await saveDownload(res.value);
    return saved.ok ? null : saved.error;
  },
  commit: async () => {
    const preview = get().preview;
    if (!preview) return;
    const operationId = newOperationId();
    set({ stage: 'committing', operationId, error: null });
    const res = await call('people:commitImport', { batchId: preview.batchId, operationId });
    if (res.ok) {
      set({ stage: 'done', outcome: res.value, operationId: null, preview: null, rows: null });
      await afterPeopleChange();
    } else set({ stage: 'preview', operationId: null, error: res.error });
  },
}));
