import { App, Button, Card, DatePicker, Empty, Input, Skeleton, Spin, Switch, Tag, Tooltip, Tree, Typography } from 'antd';
import { ApartmentOutlined, FileExcelOutlined, MergeCellsOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { useUnitsStore } from '../../stores/units';
import { useUnitImportStore } from '../../stores/unitImport';
import { useAppStore } from '../../stores/app';
import { useElementHeight } from '../../components/useElementHeight';
import { ErrorResult } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayIso } from '../../format/dates';
import { buildUnitTree, type UnitTreeNode } from './unitTree';
import { UnitDetailCard } from './UnitDetailCard';
import { RecordMergeModal } from './RecordMergeModal';

function UnitTitle({ node, asOf }: { node: UnitTreeNode; asOf: string }) {
  const u = node.unit;
  const ended = u.validTo !== null && u.validTo < asOf;
  const notYet = u.validFrom !== null && u.validFrom > asOf;
  return (
    <span className={'unit-title' + (node.matched ? ' unit-title-matched' : '')} data-code={u.code}>
      <span className={ended ? 'unit-name unit-name-ended' : 'unit-name'}>{u.name}</span>
      <span className="unit-code">{u.code}</span>
      {ended ? (
        <Tooltip title="Đơn vị đã giải thể hoặc sáp nhập">
          <Tag color="orange" className="unit-tag">
            hiệu lực đến {formatDate(u.validTo)}
          </Tag>
        </Tooltip>
      ) : null}
      {notYet ? (
        <Tag color="blue" className="unit-tag">
          từ {formatDate(u.validFrom)}
        </Tag>
      ) : null}
    </span>
  );
}

export function UnitsTab() {
  const asOf = useUnitsStore((s) => s.asOf);
  const includeEnded = useUnitsStore((s) => s.includeEnded);
  const list = useUnitsStore((s) => s.list);
  const listLoaded = useUnitsStore((s) => s.listLoaded);
  const listLoading = useUnitsStore((s) => s.listLoading);
  const listError = useUnitsStore((s) => s.listError);
  const matches = useUnitsStore((s) => s.matches);
  const matchesLoading = useUnitsStore((s) => s.matchesLoading);
  const selectedCode = useUnitsStore((s) => s.selectedCode);
  const load = useUnitsStore((s) => s.load);
  const setAsOf = useUnitsStore((s) => s.setAsOf);
  const setIncludeEnded = useUnitsStore((s) => s.setIncludeEnded);
  const setQuery = useUnitsStore((s) => s.setQuery);
  const select = useUnitsStore((s) => s.select);
  const storeQuery = useUnitsStore((s) => s.query);
  const unitCount = useAppStore((s) => s.info?.unitCount ?? 0);
  const openImport = useUnitImportStore((s) => s.openDialog);

  const [text, setText] = useState(storeQuery);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);
  const treeBox = useRef<HTMLDivElement>(null);
  const treeHeight = useElementHeight(treeBox, 420);

  useEffect(() => {
    if (!listLoaded && !listLoading) void load();
  }, [listLoaded, listLoading, load]);

  // Debounce the search box.
  useEffect(() => {
    if (text === storeQuery) return;
    const t = setTimeout(() => setQuery(text), 300);
    return () => clearTimeout(t);
  }, [text, storeQuery, setQuery]);

  const searching = storeQuery.trim().length > 0;
  const tree = useMemo(() => buildUnitTree(list, searching ? (matches ?? []) : null), [list, matches, searching]);

  // Provinces open by default; a search opens every ancestor of a match.
  useEffect(() => {
    if (searching) setExpandedKeys(tree.expandedKeys);
    else
      setExpandedKeys((prev) => {
        // Keep what the user opened unless none of the current roots is open (first load, other date).
        if (tree.roots.some((r) => prev.includes(r.key))) return prev;
        const keys = [...prev, ...tree.roots.map((r) => r.key)];
        if (tree.roots.length === 1) keys.push(...(tree.roots[0]!.children ?? []).map((c) => c.key));
        return keys;
      });
  }, [tree, searching]);

  const matchCount = matches?.length ?? 0;
  const total = list.length;

  return (
    <div className="units-tab">
      <div className="toolbar" role="toolbar" aria-label="Công cụ danh mục đơn vị">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm theo tên hoặc mã, gõ không dấu cũng được"
          aria-label="Tìm đơn vị"
          data-testid="unit-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => setQuery(text)}
          style={{ width: 320 }}
        />
        <label className="toolbar-field">
          <span>Xem theo ngày</span>
          <DatePicker
            aria-label="Xem theo ngày"
            data-testid="unit-as-of"
            format={PICKER_FORMAT}
            allowClear={false}
            value={isoToDayjs(asOf)}
            onChange={(d) => setAsOf(dayjsToIso(d) ?? todayIso())}
            style={{ width: 140 }}
          />
        </label>
        <label className="toolbar-field">
          <Switch
            size="small"
            checked={includeEnded}
            onChange={setIncludeEnded}
            aria-label="Hiện đơn vị đã giải thể/sáp nhập"
            data-testid="unit-include-ended"
          />
          <span>Hiện đơn vị đã giải thể/sáp nhập</span>
        </label>
      </div>

      <div className="units-body">
        <Card
          className="units-tree-card"
          size="small"
          title={
            <span>
              <ApartmentOutlined aria-hidden /> Cây đơn vị hành chính
            </span>
          }
          extra={
            <Typography.Text type="secondary" data-testid="unit-count">
              {searching
                ? matchesLoading
                  ? 'Đang tìm…'
                  : `${formatCount(matchCount)} kết quả`
                : listLoaded
                  ? `${formatCount(total)} đơn vị`
                  : ''}
            </Typography.Text>
          }
        >
          <div className="units-tree-box" ref={treeBox}>
            {listError ? (
              <ErrorResult error={listError} onRetry={() => void load()} />
            ) : !listLoaded ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : (
              <Spin spinning={listLoading || matchesLoading}>
                {tree.roots.length === 0 && unitCount === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có đơn vị hành chính nào trong cơ sở dữ liệu.">
                    <Button type="primary" icon={<FileExcelOutlined aria-hidden />} onClick={() => openImport()}>
                      Nhập danh mục từ Excel
                    </Button>
                  </Empty>
                ) : tree.roots.length === 0 ? (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={searching ? 'Không tìm thấy đơn vị phù hợp.' : `Không có đơn vị nào có hiệu lực ngày ${formatDate(asOf)}.`}
                  />
                ) : (
                  <Tree<UnitTreeNode>
                    virtual
                    height={treeHeight}
                    blockNode
                    showLine={{ showLeafIcon: false }}
                    treeData={tree.roots}
                    expandedKeys={expandedKeys}
                    onExpand={(keys) => setExpandedKeys(keys)}
                    selectedKeys={selectedCode ? [selectedCode] : []}
                    onSelect={(keys) => {
                      const code = keys[0];
                      if (code !== undefined) void select(String(code));
                    }}
                    titleRender={(node) => <UnitTitle node={node} asOf={asOf} />}
                    data-testid="unit-tree"
                    aria-label="Cây đơn vị hành chính"
                  />
                )}
              </Spin>
            )}
          </div>
        </Card>
        <div className="units-detail">
          <UnitDetailCard onSelectUnit={(code) => void select(code)} />
        </div>
      </div>
    </div>
  );
}

/** "Nhập từ Excel" and "Ghi nhận sáp nhập": shown on the tab bar while the units tab is open. */
export function UnitsTabActions() {
  const { message } = App.useApp();
  const openImport = useUnitImportStore((s) => s.openDialog);
  const [mergeOpen, setMergeOpen] = useState(false);
  return (
    <div className="tab-actions">
      <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => openImport()}>
        Nhập từ Excel
      </Button>
      <Button icon={<MergeCellsOutlined aria-hidden />} onClick={() => setMergeOpen(true)}>
        Ghi nhận sáp nhập
      </Button>
      <RecordMergeModal
        open={mergeOpen}
        onClose={() => setMergeOpen(false)}
        onDone={(name) => {
          setMergeOpen(false);
          void message.success(`Đã ghi nhận sáp nhập vào ${name}.`);
        }}
      />
    </div>
  );
}
