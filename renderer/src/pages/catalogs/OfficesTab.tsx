import { Button, DatePicker, Empty, Input, Switch, Table, Tag, Tooltip } from 'antd';
import { FileExcelOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { OfficeSummary } from '../../../../shared/contract';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { PICKER_FORMAT, dayjsToIso, isoToDayjs, todayIso } from '../../format/dates';
import { OFFICE_PAGE_SIZE, useOfficesStore } from '../../stores/offices';
import { OfficeDetailDrawer } from './OfficeDetailDrawer';
import { OfficeFormModal } from './OfficeModals';
import { OfficeImportModal } from './OfficeImportModal';

/** The tab bar's buttons while the offices tab is open: add one, import a list. */
export function OfficesTabActions() {
  const openImport = useOfficesStore((s) => s.openImport);
  const [creating, setCreating] = useState(false);
  return (
    <div className="tab-actions">
      <Button icon={<FileExcelOutlined aria-hidden />} onClick={openImport} data-testid="office-import">
        Nhập từ Excel
      </Button>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} data-testid="office-create">
        Thêm cơ quan
      </Button>
      <OfficeFormModal open={creating} office={null} onClose={() => setCreating(false)} />
      <OfficeImportModal />
    </div>
  );
}

/** Danh mục → Cơ quan BHXH cơ sở: a paged, searchable list; a row opens the office's details and communes. */
export function OfficesTab() {
  const s = useOfficesStore();
  const [text, setText] = useState(s.query);
  const asOf = s.asOf ?? todayIso();

  useEffect(() => {
    if (!s.result && !s.loading) void s.load();
    // Only on first show; later loads follow the filters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (text === s.query) return;
    const t = setTimeout(() => s.setQuery(text), 300);
    return () => clearTimeout(t);
  }, [text, s]);

  if (s.error && !s.result) return <ErrorResult error={s.error} onRetry={() => void s.load()} />;

  return (
    <div className="offices-tab" data-testid="offices-tab">
      <div className="toolbar" role="toolbar" aria-label="Công cụ danh mục cơ quan BHXH cơ sở">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          placeholder="Tìm theo tên hoặc mã, gõ không dấu cũng được"
          aria-label="Tìm cơ quan"
          data-testid="office-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => s.setQuery(text)}
          style={{ width: 320 }}
        />
        <label className="toolbar-field">
          <span>Xem theo ngày</span>
          <DatePicker
            aria-label="Xem theo ngày"
            format={PICKER_FORMAT}
            allowClear={false}
            value={isoToDayjs(asOf)}
            onChange={(d) => s.setAsOf(dayjsToIso(d))}
            style={{ width: 140 }}
          />
        </label>
        <label className="toolbar-field">
          <Switch size="small" checked={s.includeClosed} onChange={s.setIncludeClosed} aria-label="Hiện cả cơ quan đã ngừng hoạt động" />
          <span>Hiện cả cơ quan đã ngừng hoạt động</span>
        </label>
      </div>
      <Table<OfficeSummary>
        size="middle"
        rowKey="code"
        loading={s.loading}
        dataSource={s.result?.items ?? []}
        data-testid="offices-table"
        onRow={(r) => ({ onClick: () => void s.select(r.code), style: { cursor: 'pointer' } })}
        rowClassName={(r) => (s.selected?.code === r.code ? 'ant-table-row-selected' : '')}
        pagination={{
          current: s.page,
          pageSize: OFFICE_PAGE_SIZE,
          total: s.result?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => `${formatCount(total)} cơ quan`,
          onChange: s.setPage,
        }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={s.query ? `Không có cơ quan nào khớp “${s.query}”.` : 'Chưa có cơ quan BHXH cơ sở nào. Bấm “Thêm cơ quan” hoặc “Nhập từ Excel”.'}
            />
          ),
        }}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 90 },
          {
            title: 'Tên cơ quan',
            dataIndex: 'name',
            render: (name: string, r) => (
              <span>
                {name} {r.isDemo ? <Tag color="orange">mẫu</Tag> : null}
                {r.validTo && r.validTo < asOf ? (
                  <Tooltip title="Cơ quan đã ngừng hoạt động">
                    <Tag color="default">ngừng hoạt động sau {formatDate(r.validTo)}</Tag>
                  </Tooltip>
                ) : null}
                {r.validFrom && r.validFrom > asOf ? <Tag color="blue">hoạt động từ {formatDate(r.validFrom)}</Tag> : null}
              </span>
            ),
          },
          { title: 'Địa chỉ', dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: 'Giám đốc', dataIndex: 'headName', width: 180, render: (v: string | null) => v ?? '—' },
          { title: 'Điện thoại', dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
          {
            title: `Số xã, phường ngày ${formatDate(asOf)}`,
            dataIndex: 'communeCount',
            width: 190,
            align: 'right',
            render: (n: number) => formatCount(n),
          },
        ]}
      />
      <OfficeDetailDrawer />
    </div>
  );
}
