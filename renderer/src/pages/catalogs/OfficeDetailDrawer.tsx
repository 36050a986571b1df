import { Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { OfficeMembership } from '../../../../shared/contract';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { todayIso } from '../../format/dates';
import { useOfficesStore } from '../../stores/offices';
import { AssignModal, CloseOfficeModal, EndMembershipModal, OfficeFormModal } from './OfficeModals';

const show = (v: string | null) => v ?? '—';

/** An office's details and every commune it served, serves or will serve, with the days. */
export function OfficeDetailDrawer() {
  const office = useOfficesStore((s) => s.selected);
  const select = useOfficesStore((s) => s.select);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<OfficeMembership | null>(null);
  const today = todayIso();
  if (!office) return null;
  const closed = office.validTo !== null && office.validTo < today;
  // Serving now or later first (by commune), then the ended ones, latest first.
  const ended = (m: OfficeMembership) => m.validTo !== null && m.validTo < today;
  const members = [...office.members].sort((a, b) =>
    ended(a) !== ended(b) ? (ended(a) ? 1 : -1) : ended(a) ? b.validTo!.localeCompare(a.validTo!) || a.unitCode.localeCompare(b.unitCode) : a.unitCode.localeCompare(b.unitCode),
  );

  return (
    <Drawer
      open
      size={760}
      title={
        <span>
          {office.name} {closed ? <Tag>ngừng hoạt động sau {formatDate(office.validTo)}</Tag> : null}
        </span>
      }
      onClose={() => void select(null)}
      data-testid="office-detail"
      extra={
        <Space>
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="office-edit">
            Sửa
          </Button>
          <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setClosing(true)} data-testid="office-close-open">
            Ngừng hoạt động
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'code', label: 'Mã cơ quan', children: office.code },
          { key: 'province', label: 'Tỉnh', children: office.provinceName },
          { key: 'address', label: 'Địa chỉ', span: 2, children: show(office.address) },
          { key: 'head', label: 'Giám đốc', children: show(office.headName) },
          { key: 'phone', label: 'Điện thoại', children: show(office.phone) },
          { key: 'email', label: 'Thư điện tử', children: show(office.email) },
          {
            key: 'span',
            label: 'Thời gian hoạt động',
            children: office.validFrom || office.validTo ? `${office.validFrom ? `từ ${formatDate(office.validFrom)}` : ''} ${office.validTo ? `đến ${formatDate(office.validTo)}` : ''}`.trim() : 'không giới hạn',
          },
          ...(office.note ? [{ key: 'note', label: 'Ghi chú', span: 2, children: office.note }] : []),
        ]}
      />
      <div className="drawer-section-head">
        <Typography.Title level={5} style={{ margin: 0 }}>
          Xã, phường trực thuộc — hôm nay {formatCount(office.communeCount)}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAssigning(true)} disabled={closed} data-testid="office-assign-open">
          Giao xã, phường
        </Button>
      </div>
      <Table<OfficeMembership>
        size="small"
        rowKey="id"
        dataSource={members}
        pagination={office.members.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
        data-testid="office-members"
        locale={{ emptyText: 'Chưa giao xã, phường nào.' }}
        rowClassName={(m) => (ended(m) ? 'row-ended' : '')}
        columns={[
          { title: 'Xã, phường', dataIndex: 'unitName' },
          { title: 'Mã', dataIndex: 'unitCode', width: 80 },
          { title: 'Từ ngày', dataIndex: 'validFrom', width: 110, render: (v: string | null) => (v ? formatDate(v) : '—') },
          { title: 'Đến ngày', dataIndex: 'validTo', width: 110, render: (v: string | null) => (v ? formatDate(v) : '—') },
          {
            title: '',
            key: 'actions',
            width: 130,
            render: (_: unknown, m) => (
              <Button size="small" type="link" onClick={() => setEnding(m)}>
                {ended(m) ? 'Sửa ngày' : 'Thôi trực thuộc'}
              </Button>
            ),
          },
        ]}
      />
      <OfficeFormModal open={editing} office={office} onClose={() => setEditing(false)} />
      <CloseOfficeModal open={closing} office={office} onClose={() => setClosing(false)} />
      <AssignModal open={assigning} office={office} onClose={() => setAssigning(false)} />
      <EndMembershipModal office={office} membership={ending} onClose={() => setEnding(null)} />
    </Drawer>
  );
}
