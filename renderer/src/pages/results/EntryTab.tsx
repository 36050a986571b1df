import { App, Alert, InputNumber, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DataSheetGridRef } from 'react-datasheet-grid';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { parseViDecimal } from '../../../../shared/format/viNumber';
import { ErrorAlert } from '../../components/ErrorResult';
import { useCatalogsStore } from '../../stores/catalogs';
import { changedCells, isInvalid, mergeShown, useResultsStore, type EditRow } from '../../stores/results';
import { ChunkBoundary } from './ChunkBoundary';
import { EntryToolbar } from './EntryToolbar';
import { IssuesTable, type IssueItem } from './IssuesTable';
import { withoutPrefix } from './issueText';
import { NotesModal } from './NotesModal';
import { useEntryShortcuts } from './useEntryShortcuts';

const EntryGrid = lazy(() => import('./EntryGrid'));

/** Height left for the sheet between its top edge and the bottom of the window. */
function useAvailableHeight(ref: React.RefObject<HTMLElement | null>, reserve: number): number {
  const [height, setHeight] = useState(420);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 300;
      setHeight(Math.max(260, Math.floor(window.innerHeight - top - reserve)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref, reserve]);
  return height;
}

export function EntryTab() {
  const { message, modal } = App.useApp();
  const month = useResultsStore((s) => s.month);
  const parentCode = useResultsStore((s) => s.parentCode);
  const grid = useResultsStore((s) => s.grid);
  const exportGrid = useResultsStore((s) => s.exportGrid);
  const rows = useResultsStore((s) => s.rows);
  const undoDepth = useResultsStore((s) => s.undoStack.length);
  const loading = useResultsStore((s) => s.loading);
  const error = useResultsStore((s) => s.error);
  const saving = useResultsStore((s) => s.saving);
  const issues = useResultsStore((s) => s.issues);
  const notes = useResultsStore((s) => s.notes);
  const jumpThreshold = useResultsStore((s) => s.jumpThreshold);
  const settingsSaving = useResultsStore((s) => s.settingsSaving);
  const load = useResultsStore((s) => s.load);
  const setRows = useResultsStore((s) => s.setRows);
  const undo = useResultsStore((s) => s.undo);
  const save = useResultsStore((s) => s.save);
  const loadSettings = useResultsStore((s) => s.loadSettings);
  const setJumpThreshold = useResultsStore((s) => s.setJumpThreshold);
  const officeCode = useResultsStore((s) => s.officeCode);
  const setOfficeCode = useResultsStore((s) => s.setOfficeCode);
  const offices = useCatalogsStore((s) => s.offices);
  const loadOffices = useCatalogsStore((s) => s.loadOffices);

  const gridRef = useRef<DataSheetGridRef>(null);
  const gridBox = useRef<HTMLDivElement>(null);
  const [notesOpen, setNotesOpen] = useState(false);

  const changed = useMemo(() => changedCells(grid, rows), [grid, rows]);
  const dirty = changed.length > 0;
  const names = useMemo(() => new Map(grid?.indicators.map((i) => [i.code, i.name]) ?? []), [grid]);

  // The filter by BHXH cơ sở offers the offices serving units of this sheet; the others would show nothing.
  const sheetOffices = useMemo(() => {
    const codes = new Set(rows.map((r) => r.code));
    return offices.items.filter((o) => o.communeCodes.some((c) => codes.has(c)));
  }, [offices.items, rows]);
  const office = sheetOffices.find((o) => o.code === officeCode) ?? null;
  const shown = useMemo(() => {
    if (!office) return rows;
    const communes = new Set(office.communeCodes);
    return rows.filter((r) => communes.has(r.code));
  }, [rows, office]);
  const hiddenChanged = useMemo(() => {
    if (!office) return 0;
    const communes = new Set(office.communeCodes);
    return changed.filter((c) => !communes.has(c.unitCode)).length;
  }, [changed, office]);

  // On opening: fresh figures unless edits from an earlier visit are still waiting to be saved.
  useEffect(() => {
    const s = useResultsStore.getState();
    if (changedCells(s.grid, s.rows).length === 0) void s.load();
    if (s.jumpThreshold === null) void loadSettings();
    if (!useCatalogsStore.getState().offices.loaded) void loadOffices();
  }, [loadSettings, loadOffices]);

  // Closing or reloading the window with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const doUndo = useCallback(() => {
    if (!undo()) message.info('Không còn thao tác nào để hoàn tác');
  }, [undo, message]);

  const confirmDiscard = useCallback(
    (then: () => void) => {
      if (!dirty) {
        then();
        return;
      }
      modal.confirm({
        title: 'Bỏ các số liệu chưa lưu?',
        content: `Có ${formatCount(changed.length)} ô đã sửa nhưng chưa lưu. Chuyển sang kỳ/đơn vị khác sẽ bỏ các thay đổi này.`,
        okText: 'Bỏ thay đổi',
        okButtonProps: { danger: true },
        cancelText: 'Ở lại',
        onOk: then,
      });
    },
    [dirty, changed.length, modal],
  );

  const onMonth = (d: Dayjs | null) => {
    if (!d) return;
    const next = d.format('YYYY-MM');
    if (next !== month) confirmDiscard(() => void load({ month: next }));
  };

  const onParent = (code: string) => {
    if (code !== (parentCode ?? grid?.parentCode)) confirmDiscard(() => void load({ parentCode: code }));
  };

  const onGridChange = useCallback(
    (next: EditRow[]) => {
      const all = useResultsStore.getState().rows;
      const byCode = new Map(all.map((r) => [r.code, r]));
      // The sheet may show an office's units only: rows it does not show keep their edits.
      setRows(mergeShown(all, next));
      // Say at once why a value was refused; the cell stays red until corrected.
      for (const row of next) {
        const old = byCode.get(row.code);
        if (row === old) continue;
        for (const [code, value] of Object.entries(row.values)) {
          if (isInvalid(value) && !(isInvalid(old?.values[code]) && old?.values[code] === value)) {
            message.error({ content: `${row.name}: ${value.message}`, key: 'grid-invalid' });
            return;
          }
        }
      }
    },
    [setRows, message],
  );

  const doSave = useCallback(async () => {
    const status = await save();
    switch (status.kind) {
      case 'nothing':
        message.info('Không có thay đổi nào để lưu');
        break;
      case 'invalid':
        message.error(`Còn ${formatCount(status.cells.length)} ô nhập chưa đúng (tô đỏ): sửa lại trước khi lưu`);
        break;
      case 'blocked': {
        const n = status.outcome.issues.filter((i) => i.blocking).length;
        message.error(`Chưa lưu: có ${formatCount(n)} lỗi phải sửa (xem danh sách dưới bảng)`);
        setNotesOpen(false);
        break;
      }
      case 'needNotes':
        setNotesOpen(true);
        break;
      case 'saved': {
        const { saved, cleared } = status.outcome;
        setNotesOpen(false);
        message.success(
          `Đã lưu ${formatCount(saved)} số liệu${cleared ? `, xóa ${formatCount(cleared)} số liệu` : ''} tháng ${dayjs(month + '-01').format('MM/YYYY')}`,
        );
        break;
      }
      case 'error':
        message.error(status.error.message);
        break;
    }
  }, [save, message, month]);

  useEntryShortcuts(gridRef, doUndo, () => void doSave());

  // Problems to list under the sheet: values refused while typing, then what core said.
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.code, i])), [rows]);
  const items = useMemo<IssueItem[]>(() => {
    const list: IssueItem[] = [];
    for (const c of changed) {
      if (isInvalid(c.after))
        list.push({
          key: `local|${c.unitCode}|${c.indicatorCode}`,
          unitCode: c.unitCode,
          unitName: c.unitName,
          indicatorCode: c.indicatorCode,
          indicatorName: names.get(c.indicatorCode) ?? c.indicatorCode,
          value: c.after.raw,
          message: c.after.message,
          severity: 'blocking',
          source: 'local',
        });
    }
    issues.forEach((issue, k) => {
      const row = rows[rowIndex.get(issue.unitCode) ?? -1];
      const v = row?.values[issue.indicatorCode];
      list.push({
        key: `srv|${k}`,
        unitCode: issue.unitCode,
        unitName: row?.name ?? issue.unitCode,
        indicatorCode: issue.indicatorCode,
        indicatorName: names.get(issue.indicatorCode) ?? issue.indicatorCode,
        value: v === null || v === undefined ? '' : isInvalid(v) ? v.raw : formatCount(v),
        message: withoutPrefix(issue.message, row?.name, names.get(issue.indicatorCode)),
        severity: issue.blocking ? 'blocking' : 'flagged',
        source: 'server',
      });
    });
    return list;
  }, [changed, issues, rows, rowIndex, names]);

  const focusCell = (unitCode: string, indicatorCode: string) => {
    const col = grid?.indicators.findIndex((i) => i.code === indicatorCode) ?? -1;
    if (col < 0 || !rowIndex.has(unitCode)) return;
    const go = (list: EditRow[]) => {
      const row = list.findIndex((r) => r.code === unitCode);
      if (row < 0) return;
      gridRef.current?.setActiveCell({ col, row });
      gridBox.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    };
    // A problem on a unit the office filter hides: show every unit, then go to it.
    if (shown.some((r) => r.code === unitCode)) go(shown);
    else {
      setOfficeCode(null);
      setTimeout(() => go(useResultsStore.getState().rows), 0);
    }
  };

  const gridHeight = useAvailableHeight(gridBox, items.length > 0 ? 230 : 24);

  const [thresholdDraft, setThresholdDraft] = useState<number | null>(null);
  const thresholdPercent = jumpThreshold === null ? null : Math.round(jumpThreshold * 1000) / 10;
  const commitThreshold = async () => {
    if (thresholdDraft === null || thresholdDraft === thresholdPercent) {
      setThresholdDraft(null);
      return;
    }
    const res = await setJumpThreshold(thresholdDraft / 100);
    setThresholdDraft(null);
    if (res.ok) message.success(`Đã đặt ngưỡng cảnh báo biến động: ${formatCount(Math.round(res.value.jumpThreshold * 100))}%`);
    else message.error(res.error.message);
  };

  const invalidCount = items.filter((i) => i.source === 'local').length;
  const flaggedIssues = issues.filter((i) => !i.blocking);

  return (
    <div className="page" style={{ gap: 12 }} data-testid="results-entry">
      <EntryToolbar
        month={month}
        grid={grid}
        parentCode={parentCode}
        offices={sheetOffices}
        officeCode={office?.code ?? null}
        undoDepth={undoDepth}
        saving={saving}
        onMonth={onMonth}
        onParent={onParent}
        onOffice={setOfficeCode}
        onExport={exportGrid}
        onUndo={doUndo}
        onSave={() => void doSave()}
      />

      <div className="rg-infobar">
        {grid ? (
          <span data-testid="results-summary">
            <strong>{grid.parentName}</strong> · {office ? `${formatCount(shown.length)}/` : ''}
            {formatCount(grid.rows.length)} đơn vị · số liệu đến {formatDate(grid.asOf)}
          </span>
        ) : null}
        <span data-testid="results-dirty" className={dirty ? 'rg-dirty' : 'rg-clean'}>
          {dirty ? `${formatCount(changed.length)} ô đã sửa, chưa lưu` : 'Không có thay đổi chưa lưu'}
        </span>
        {hiddenChanged > 0 ? (
          <span
            className="rg-dirty"
            data-testid="results-hidden-dirty"
            title={`${formatCount(hiddenChanged)} ô đã sửa thuộc đơn vị không hiện theo bộ lọc BHXH cơ sở; vẫn được lưu khi bấm Lưu`}
          >
            ({formatCount(hiddenChanged)} ô đang ẩn)
          </span>
        ) : null}
        <span className="rg-legend">
          <span className="rg-swatch rg-swatch-changed" /> đã sửa
        </span>
        <span className="rg-legend">
          <span className="rg-swatch rg-swatch-blocking" /> lỗi
        </span>
        <span className="rg-legend">
          <span className="rg-swatch rg-swatch-flagged" /> cần giải trình
        </span>
        <span className="rg-spacer" />
        <label className="rg-field" title="Số liệu thay đổi so với tháng trước quá ngưỡng này được tô màu khi nhập và cần ghi chú giải trình khi lưu">
          Ngưỡng biến động
          <InputNumber
            min={1}
            max={1000}
            step={5}
            precision={0}
            suffix="%"
            // The app's one number rule: "1.000" is a thousand, "12,5" twelve and a half (antd's own parser reads both as small decimals).
            parser={(text) => {
              const parsed = parseViDecimal((text ?? '').replace('%', ''));
              return parsed.ok && parsed.value !== null ? parsed.value : Number.NaN;
            }}
            value={thresholdDraft ?? thresholdPercent}
            onChange={(v) => setThresholdDraft(typeof v === 'number' ? v : null)}
            onBlur={() => void commitThreshold()}
            onPressEnter={() => void commitThreshold()}
            disabled={jumpThreshold === null || settingsSaving}
            aria-label="Ngưỡng cảnh báo biến động so với tháng trước"
            data-testid="jump-threshold"
            style={{ width: 92 }}
          />
        </label>
      </div>

      {error ? <ErrorAlert error={error} title="Không tải được bảng nhập kết quả" /> : null}

      <div ref={gridBox}>
        <ChunkBoundary what="bảng nhập số liệu">
          {grid ? (
            <Suspense
              fallback={
                <div className="rg-grid-loading">
                  <Spin description="Đang mở bảng nhập…" />
                </div>
              }
            >
              <Spin spinning={loading}>
                {grid.rows.length === 0 ? (
                  <Alert type="info" showIcon title="Không có đơn vị nào để nhập số liệu trong tháng này." />
                ) : (
                  <EntryGrid
                    grid={grid}
                    rows={shown}
                    issues={issues}
                    notes={notes}
                    height={gridHeight}
                    onChange={onGridChange}
                    gridRef={gridRef}
                  />
                )}
              </Spin>
            </Suspense>
          ) : loading ? (
            <div className="rg-grid-loading">
              <Spin description="Đang tải bảng nhập…" />
            </div>
          ) : null}
        </ChunkBoundary>
      </div>

      {items.length > 0 ? (
        <IssuesTable
          items={items}
          invalidCount={invalidCount}
          onPick={(i) => focusCell(i.unitCode, i.indicatorCode)}
          onExplain={flaggedIssues.length > 0 ? () => setNotesOpen(true) : undefined}
        />
      ) : null}

      <NotesModal
        open={notesOpen}
        flagged={flaggedIssues}
        rows={rows}
        grid={grid}
        saving={saving}
        onCancel={() => setNotesOpen(false)}
        onSave={() => void doSave()}
      />
    </div>
  );
}
