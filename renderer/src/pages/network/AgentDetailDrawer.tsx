import { Button, Descriptions, Drawer, Table, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { CollectionPoint, Inspection } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, AGENT_PRODUCT_LABELS } from '../../../../shared/domain/network';
import { formatCount, formatDate } from '../../../../shared/format/vi';
import { useAgentsStore } from '../../stores/networkAgents';
import { AgentFormModal } from './AgentFormModal';
import { HistoryTable } from './HistoryTable';
import { AgentStatusTag, ExpiryTag, show } from './networkLabels';

/** One agent: its contract and contacts, the communes it serves, its points, inspections and history. */
export function AgentDetailDrawer() {
  const agent = useAgentsStore((s) => s.selected);
  const select = useAgentsStore((s) => s.select);
  const [editing, setEditing] = useState(false);
  if (!agent) return null;
  return (
    <Drawer
      open
      size={820}
      title={
        <span>
          {agent.name} <ExpiryTag flag={agent.expiry} expiresOn={agent.expiresOn} />
        </span>
      }
      onClose={() => void select(null)}
      data-testid="agent-detail"
      extra={
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="agent-edit">
          Sửa
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'code', label: 'Mã đại lý', children: agent.code },
          { key: 'kind', label: 'Loại tổ chức', children: AGENT_KIND_LABELS[agent.kind] },
          { key: 'product', label: 'Thu cho', children: AGENT_PRODUCT_LABELS[agent.product] },
          { key: 'status', label: 'Trạng thái', children: <AgentStatusTag status={agent.status} /> },
          { key: 'contract', label: 'Số hợp đồng', children: show(agent.contractNo) },
          { key: 'office', label: 'BHXH cơ sở ký', children: show(agent.officeName) },
          { key: 'signed', label: 'Ngày ký', children: agent.signedOn ? formatDate(agent.signedOn) : '—' },
          { key: 'expires', label: 'Ngày hết hạn', children: agent.expiresOn ? formatDate(agent.expiresOn) : '—' },
          { key: 'rep', label: 'Người đại diện', children: show(agent.representative) },
          { key: 'phone', label: 'Điện thoại', children: show(agent.phone) },
          { key: 'address', label: 'Địa chỉ', span: 2, children: show(agent.address) },
          { key: 'counts', label: 'Mạng lưới', span: 2, children: `${formatCount(agent.pointCount)} điểm thu, ${formatCount(agent.staffCount)} nhân viên thu` },
          ...(agent.note ? [{ key: 'note', label: 'Ghi chú', span: 2, children: agent.note }] : []),
        ]}
      />
      <Tabs
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'communes',
            label: `Xã, phường (${agent.allCommunes ? 'tất cả' : formatCount(agent.communes.length)})`,
            children: agent.allCommunes ? (
              <Tag color="blue">Tất cả các xã, phường của {agent.officeName ?? 'cơ quan'}</Tag>
            ) : (
              <div className="tag-list" data-testid="agent-communes">
                {agent.communes.length === 0 ? 'Chưa giao xã, phường nào.' : agent.communes.map((c) => <Tag key={c.code}>{c.name}</Tag>)}
              </div>
            ),
          },
          {
            key: 'points',
            label: `Điểm thu (${formatCount(agent.points.length)})`,
            children: (
              <Table<CollectionPoint>
                size="small"
                rowKey="id"
                dataSource={agent.points}
                pagination={agent.points.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                locale={{ emptyText: 'Chưa có điểm thu.' }}
                data-testid="agent-points"
                columns={[
                  { title: 'Tên điểm thu', dataIndex: 'name' },
                  { title: 'Xã, phường', dataIndex: 'unitName', width: 160, render: (v: string | null) => show(v) },
                  { title: 'Địa chỉ', dataIndex: 'address', ellipsis: true, render: (v: string | null) => show(v) },
                  { title: 'Mở từ', dataIndex: 'openedOn', width: 100, render: (v: string | null) => (v ? formatDate(v) : '—') },
                  { title: 'Đóng', dataIndex: 'closedOn', width: 100, render: (v: string | null) => (v ? formatDate(v) : '—') },
                ]}
              />
            ),
          },
          {
            key: 'inspections',
            label: `Kiểm tra (${formatCount(agent.inspections.length)})`,
            children: (
              <Table<Inspection>
                size="small"
                rowKey="id"
                dataSource={agent.inspections}
                pagination={false}
                locale={{ emptyText: 'Chưa có lần kiểm tra nào.' }}
                columns={[
                  { title: 'Ngày', dataIndex: 'inspectedOn', width: 100, render: (v: string) => formatDate(v) },
                  { title: 'Người kiểm tra', dataIndex: 'inspector', width: 150 },
                  { title: 'Kết quả', dataIndex: 'findings' },
                  { title: 'Khắc phục', dataIndex: 'followUp', render: (v: string | null, r) => (v ? <span>{v} {r.followUpDone ? <Tag color="green">đã xong</Tag> : <Tag color="orange">chưa xong</Tag>}</span> : '—') },
                ]}
              />
            ),
          },
          { key: 'history', label: 'Lịch sử thay đổi', children: <HistoryTable entries={agent.history} testId="agent-history" /> },
        ]}
      />
      <AgentFormModal open={editing} agent={agent} onClose={() => setEditing(false)} />
    </Drawer>
  );
}
