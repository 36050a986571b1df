import { create } from 'zustand';
import type { AppErrorShape, FlowEntry, FlowLevel, FlowTable, NetworkOverview, Page, RankingRow } from '../../../shared/contract';
import type { AgentKind, FlowMeasure } from '../../../shared/domain/network';
import { FLOW_MEASURE_DEFS } from '../../../shared/domain/network';
import { parseViCount } from '../../../shared/format/viNumber';
import { call } from '../api/client';
import { afterNetworkWrite, compact, exportNetwork, useNetworkShared } from './networkShared';

export const FLOW_PAGE_SIZE = 50;
export const RANKING_PAGE_SIZE = 20;

export type FlowKind = 'target' | 'result';

/** An edited cell: what was typed, keyed by kind, level, code and measure. */
export function editKey(kind: FlowKind, level: FlowLevel, code: string, measure: FlowMeasure): string {
  return `${kind}|${level}|${code}|${measure}`;
}

export interface SaveSummary {
  saved: number;
  warnings: string[];
}

interface FlowsState {
  overview: NetworkOverview | null;
  overviewLoading: boolean;
  overviewError: AppErrorShape | null;
  loadOverview: () => Promise<void>;
  exportCoverage: () => ReturnType<typeof exportNetwork>;

  measure: FlowMeasure;
  offset: number;
  table: FlowTable | null;
  tableLoading: boolean;
  tableError: AppErrorShape | null;
  agentCode: string | null;
  staffTable: FlowTable | null;
  staffLoading: boolean;
  edits: Record<string, string>;
  saving: boolean;
  lastSave: SaveSummary | null;
  saveError: AppErrorShape | null;
  setMeasure: (measure: FlowMeasure) => void;
  setOffset: (offset: number) => void;
  loadFlows: () => Promise<void>;
  openAgent: (code: string | null) => Promise<void>;
  edit: (key: string, text: string) => void;
  /** Fills several cells at once (the "chia đều" button). */
  editMany: (values: Record<string, string>) => void;
  discard: () => void;
  /** Cells whose text is not a number: key → message. */
  invalid: () => Record<string, string>;
  save: () => Promise<{ ok: true; value: SaveSummary } | { ok: false; error: AppErrorShape }>;
  clearLastSave: () => void;

  ranking: Page<RankingRow> | null;
  rankingLoading: boolean;
  rankingError: AppErrorShape | null;
  rankLevel: 'agent' | 'staff';
  rankMeasure: FlowMeasure;
  rankBy: 'result' | 'progress';
  inactiveOnly: boolean;
  rankKind: AgentKind | null;
  rankPage: number;
  setRanking: (patch: Partial<Pick<FlowsState, 'rankLevel' | 'rankMeasure' | 'rankBy' | 'inactiveOnly' | 'rankKind' | 'rankPage'>>) => void;
  loadRanking: () => Promise<void>;
  exportRanking: () => ReturnType<typeof exportNetwork>;
}

let overviewSeq = 0;
let flowSeq = 0;
let staffSeq = 0;
let rankSeq = 0;

const scope = () => {
  const { month, officeCode } = useNetworkShared.getState();
  return { month, officeCode };
};

export const useFlowsStore = create<FlowsState>((set, get) => ({
  overview: null,
  overviewLoading: false,
  overviewError: null,
  loadOverview: async () => {
    const mine = ++overviewSeq;
    const { month, officeCode } = scope();
    set({ overviewLoading: true, overviewError: null });
    const res = await call('network:overview', { period: month, ...compact({ officeCode }) });
    if (mine !== overviewSeq) return;
    if (res.ok) set({ overview: res.value, overviewLoading: false });
    else set({ overviewLoading: false, overviewError: res.error });
  },
  exportCoverage: () => {
    const { month, officeCode } = scope();
    return exportNetwork({ list: 'coverage', period: month, ...compact({ officeCode }) });
  },

  measure: 'NEW_TN',
  offset: 0,
  table: null,
  tableLoading: false,
  tableError: null,
  agentCode: null,
  staffTable: null,
  staffLoading: false,
  edits: {},
  saving: false,
  lastSave: null,
  saveError: null,
  setMeasure: (measure) => set({ measure }),
  setOffset: (offset) => {
    set({ offset });
    void get().loadFlows();
  },
  loadFlows: async () => {
    const mine = ++flowSeq;
    const { month, officeCode } = scope();
    set({ tableLoading: true, tableError: null });
    const res = await call('network:flows', { month, ...compact({ officeCode }), offset: get().offset, limit: FLOW_PAGE_SIZE });
    if (mine !== flowSeq) return;
    if (res.ok) set({ table: res.value, tableLoading: false });
    else set({ tableLoading: false, tableError: res.error });
    const agent = get().agentCode;
    if (agent) await get().openAgent(agent);
  },
  openAgent: async (code) => {
    const mine = ++staffSeq;
    set({ agentCode: code, staffTable: code === get().agentCode ? get().staffTable : null });
    if (!code) return;
    set({ staffLoading: true });
    const res = await call('network:flows', { month: scope().month, agentCode: code, limit: 500 });
    if (mine !== staffSeq) return;
    set({ staffLoading: false, staffTable: res.ok ? res.value : null, tableError: res.ok ? get().tableError : res.error });
  },
  edit: (key, text) => set({ edits: { ...get().edits, [key]: text } }),
  editMany: (values) => set({ edits: { ...get().edits, ...values } }),
  discard: () => set({ edits: {} }),
  invalid: () => {
    const out: Record<string, string> = {};
    for (const [key, text] of Object.entries(get().edits)) {
      const parsed = parseViCount(text);
      if (!parsed.ok) out[key] = parsed.message;
    }
    return out;
  },
  save: async () => {
    const { month } = scope();
    const groups: Record<FlowKind, FlowEntry[]> = { target: [], result: [] };
    for (const [key, text] of Object.entries(get().edits)) {
      const [kind, level, code, measure] = key.split('|') as [FlowKind, FlowLevel, string, FlowMeasure];
      const parsed = parseViCount(text);
      if (!parsed.ok) {
        const error: AppErrorShape = { code: 'VALIDATION', message: `${FLOW_MEASURE_DEFS[measure].shortLabel}: ${parsed.message}` };
        set({ saveError: error });
        return { ok: false, error };
      }
      groups[kind].push({ level, code, measure, value: parsed.value });
    }
    set({ saving: true, saveError: null });
    const summary: SaveSummary = { saved: 0, warnings: [] };
    for (const kind of ['target', 'result'] as const) {
      if (groups[kind].length === 0) continue;
      const res = await call('network:setFlows', kind === 'target' ? { kind, year: Number(month.slice(0, 4)), entries: groups[kind] } : { kind, month, entries: groups[kind] });
      if (!res.ok) {
        set({ saving: false, saveError: res.error });
        // What the first call saved shows; the edits that failed stay for correcting.
        if (summary.saved > 0) void get().loadFlows();
        return { ok: false, error: res.error };
      }
      summary.saved += res.value.saved;
      summary.warnings.push(...res.value.warnings);
      // What was saved is no longer an edit.
      const edits = { ...get().edits };
      for (const k of Object.keys(edits)) if (k.startsWith(kind + '|')) delete edits[k];
      set({ edits });
    }
    set({ saving: false, lastSave: summary });
    await Promise.all([get().loadFlows(), afterNetworkWrite()]);
    return { ok: true, value: summary };
  },
  clearLastSave: () => set({ lastSave: null, saveError: null }),

  ranking: null,
  rankingLoading: false,
  rankingError: null,
  rankLevel: 'staff',
  rankMeasure: 'NEW_TN',
  rankBy: 'result',
  inactiveOnly: false,
  rankKind: null,
  rankPage: 1,
  setRanking: (patch) => {
    set({ rankPage: 1, ...patch });
    void get().loadRanking();
  },
  loadRanking: async () => {
    const mine = ++rankSeq;
    const { month, officeCode } = scope();
    const s = get();
    set({ rankingLoading: true, rankingError: null });
    const res = await call('network:ranking', {
      period: month,
      level: s.rankLevel,
      measure: s.rankMeasure,
      by: s.rankBy,
      inactiveOnly: s.inactiveOnly,
      ...compact({ officeCode, kind: s.rankKind }),
      offset: (s.rankPage - 1) * RANKING_PAGE_SIZE,
      limit: RANKING_PAGE_SIZE,
    });
    if (mine !== rankSeq) return;
    if (res.ok) set({ ranking: res.value, rankingLoading: false });
    else set({ rankingLoading: false, rankingError: res.error });
  },
  exportRanking: () => {
    const { month, officeCode } = scope();
    const s = get();
    return exportNetwork({ list: 'ranking', period: month, level: s.rankLevel, measure: s.rankMeasure, ...compact({ officeCode, kind: s.rankKind }) });
  },
}));
