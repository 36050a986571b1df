import { Alert, Button, Checkbox, Dropdown, Input, Select, Space, Table, Tooltip, Typography, message } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { PersonRow } from '../../../../shared/contract';
import { PERSON_PRODUCT_LABELS, PERSON_PRODUCTS, PERSON_STATUS_LABELS, PERSON_STATUSES, type PersonStatus } from '../../../../shared/domain/people';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { ErrorResult } from '../../components/ErrorResult';
import { useElementHeight } from '../../components/useElementHeight';
import { usePeopleStore, type PeopleSort } from '../../stores/people';
import { usePersonLists } from '../../stores/personLists';
import { CommuneSelect } from '../network/NetworkSelects';
import { AssignModal } from './AssignModal';
import { formatBirth, formatMonth, productLabel, StatusTag } from './peopleLabels';
import { StaffSelect } from './StaffSelect';

const SORTS: Record<string, PeopleSort> = { fullName: 'name', communeName: 'commune', status: 'status', dueMonth: 'due' };

const columns: ColumnsType<PersonRow> = [
  { title: 'Họ và tên', dataIndex: 'fullName', key: 'fullName', width: 200, sorter: true, ellipsis: true, render: (v: string, r) => <span data-testid="person-name">{v}{r.otherLists > 0 ? <Tooltip title={`Có trong ${r.otherLists} danh sách khác`}><Typography.Text type="warning"> ⧉</Typography.Text></Tooltip> : null}</span> },
  { title: 'Ngày sinh', dataIndex: 'birthDate', key: 'birthDate', width: 104, render: (v: string | null) => formatBirth(v) },
  { title: 'Số CCCD', dataIndex: 'cccd', key: 'cccd', width: 128, className: 'masked-cell' },
  { title: 'Mã số BHXH', dataIndex: 'bhxhCode', key: 'bhxhCode', width: 112, className: 'masked-cell' },
  { title: 'Điện thoại', dataIndex: 'phone', key: 'phone', width: 112, className: 'masked-cell' },
  { title: 'Xã, phường', dataIndex: 'communeName', key: 'communeName', width: 150, sorter: true, ellipsis: true },
  { title: 'Thôn, ấp', dataIndex: 'hamlet', key: 'hamlet', width: 110, ellipsis: true },
  { title: 'Loại hình', dataIndex: 'product', key: 'product', width: 130, render: productLabel },
  { title: 'Đến hạn', dataIndex: 'dueMonth', key: 'dueMonth', width: 84, sorter: true, render: (v: string | null) => formatMonth(v) },
  { title: 'Nhân viên thu', dataIndex: 'staffName', key: 'staffName', width: 160, ellipsis: true, render: (v: string | null) => v ?? <Typography.Text type="secondary">Chưa giao</Typography.Text> },
  { title: 'Tình trạng', dataIndex: 'status', key: 'status', width: 140, sorter: true, render: (v: PersonStatus) => <StatusTag status={v} /> },
  { title: 'Liên hệ gần nhất', dataIndex: 'lastContactOn', key: 'lastContactOn', width: 120, render: (v: string | null) => formatDate(v) },
  { title: 'Danh sách', dataIndex: 'listName', key: 'listName', width: 200, ellipsis: true },
];

/** Tra cứu: every list at once, searched by name without diacritics or by number, scrolled without paging. */
export function PeopleSearchTab() {
  const s = usePeopleStore();
  const lists = usePersonLists((l) => l.lists);
  const loadLists = usePersonLists((l) => l.load);
  const listsLoaded = usePersonLists((l) => l.loaded);
  const [text, setText] = useState(s.query);
  const [assignOpen, setAssignOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const height = useElementHeight(box, 480);
  useEffect(() => {
    if (!listsLoaded) void loadLists();
    if (!s.loaded) void s.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const t = setTimeout(() => {
      if (text !== usePeopleStore.getState().query) s.setQuery(text);
    }, 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  const f = s.filters;
  const exportList = async (withPersonal: boolean) => {
    const res = await s.exportList(withPersonal);
    if (!res.ok) message.error(res.error.message);
    else if (res.value.fileName) message.success(`Đã lưu ${res.value.fileName}`);
  };
  return (
    <div className="people-search">
      <div className="people-filters" role="search">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => s.setQuery(v)}
          placeholder="Tên (gõ không dấu), số CCCD, mã số BHXH hoặc điện thoại"
          aria-label="Tìm người"
          style={{ width: 380 }}
          data-testid="people-query"
        />
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder="Mọi danh sách"
          aria-label="Danh sách"
          value={f.listId}
          onChange={(v) => s.setFilters({ listId: v ?? undefined })}
          options={lists.map((l) => ({ value: l.id, label: l.name }))}
          data-testid="people-list-filter"
        />
        <CommuneSelect value={f.unitCode ?? null} onChange={(v) => s.setFilters({ unitCode: v ?? undefined, hamlet: undefined })} width={210} />
        <Input
          allowClear
          style={{ width: 150 }}
          placeholder="Thôn, ấp"
          aria-label="Thôn, ấp"
          value={f.hamlet ?? ''}
          disabled={!f.unitCode}
          onChange={(e) => s.setFilters({ hamlet: e.target.value || undefined })}
          data-testid="people-hamlet-filter"
        />
        <StaffSelect value={f.staffCode ?? null} onChange={(v) => s.setFilters({ staffCode: (v as string | null) ?? undefined, unassigned: undefined })} width={240} placeholder="Mọi nhân viên thu" />
        <Select
          mode="multiple"
          allowClear
          style={{ width: 240 }}
          placeholder="Mọi tình trạng"
          aria-label="Tình trạng vận động"
          value={f.status ?? []}
          onChange={(v: PersonStatus[]) => s.setFilters({ status: v })}
          options={PERSON_STATUSES.map((st) => ({ value: st, label: PERSON_STATUS_LABELS[st] }))}
          maxTagCount="responsive"
        />
        <Select
          allowClear
          style={{ width: 170 }}
          placeholder="Mọi loại hình"
          aria-label="Loại hình"
          value={f.product}
          onChange={(v) => s.setFilters({ product: v ?? undefined })}
          options={PERSON_PRODUCTS.map((p) => ({ value: p, label: PERSON_PRODUCT_LABELS[p] }))}
        />
        <Checkbox checked={Boolean(f.unassigned)} onChange={(e) => s.setFilters({ unassigned: e.target.checked || undefined, staffCode: undefined })}>
          Chưa giao nhân viên
        </Checkbox>
      </div>
      <div className="people-toolbar">
        <Typography.Text data-testid="people-total">
          {s.loading && !s.loaded ? 'Đang tìm…' : `${s.totalIsEstimate ? 'Hơn ' : ''}${formatCount(s.total)} người`}
          {!s.exhausted ? <Typography.Text type="secondary"> · đã tải {formatCount(s.rows.length)}, cuộn xuống để xem thêm</Typography.Text> : null}
        </Typography.Text>
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => s.resetFilters()}>
            Bỏ lọc
          </Button>
          <Tooltip title={f.listId || f.unitCode ? '' : 'Chọn một danh sách hoặc một xã trước khi phân công'}>
            <Button type="primary" icon={<UserSwitchOutlined aria-hidden />} disabled={!(f.listId || f.unitCode) || s.total === 0} onClick={() => setAssignOpen(true)} data-testid="people-assign">
              Phân công {s.total > 0 && (f.listId || f.unitCode) ? `${s.totalIsEstimate ? 'hơn ' : ''}${formatCount(s.total)} người` : ''}
            </Button>
          </Tooltip>
          <Dropdown
            menu={{
              items: [
                { key: 'masked', label: 'Xuất Excel (che số CCCD, điện thoại)' },
                { key: 'personal', label: 'Xuất Excel có dữ liệu cá nhân (ghi nhật ký)' },
              ],
              onClick: ({ key }) => void exportList(key === 'personal'),
            }}
          >
            <Button icon={<DownloadOutlined aria-hidden />} data-testid="people-export">
              Xuất Excel
            </Button>
          </Dropdown>
        </Space>
      </div>
      {s.error ? <Alert type="error" showIcon title={s.error.message} style={{ marginBottom: 8 }} /> : null}
      <div className="people-table-box" ref={box}>
        {s.error && !s.loaded ? (
          <ErrorResult error={s.error} onRetry={() => void s.load()} />
        ) : (
          <Table<PersonRow>
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={s.rows}
            loading={s.loading}
            pagination={false}
            scroll={{ x: 1850, y: Math.max(200, height - 48) }}
            onChange={(_p, _f, sorter) => {
              const one = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = one?.order ? SORTS[String(one.columnKey)] ?? null : null;
              s.setSort(key, one?.order === 'descend');
            }}
            onScroll={(e) => {
              const el = e.currentTarget;
              if (el.scrollTop + el.clientHeight > el.scrollHeight - 600) void s.loadMore();
            }}
            onRow={(r) => ({ onClick: () => void s.select(r.id), style: { cursor: 'pointer' }, 'data-testid': 'person-row' } as React.HTMLAttributes<HTMLElement>)}
            locale={{ emptyText: s.query ? 'Không tìm thấy người phù hợp.' : 'Chưa có người nào trong các danh sách. Hãy nhập danh sách từ Excel.' }}
            data-testid="people-table"
          />
        )}
      </div>
      <AssignModal open={assignOpen} onClose={() => setAssignOpen(false)} />
    </div>
  );
}
