import { Button, Descriptions, Drawer, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { AGENT_KIND_LABELS, STAFF_ROLE_LABELS } from '../../../../shared/domain/network';
import { formatDate } from '../../../../shared/format/vi';
import { useStaffStore } from '../../stores/networkStaff';
import { HistoryTable } from './HistoryTable';
import { StaffStatusTag, show } from './networkLabels';
import { RevealCell } from './RevealCell';
import { StaffFormModal } from './StaffFormModal';

const day = (v: string | null) => (v ? formatDate(v) : '—');

/** One staff member: identity (masked), agent, communes, training and card, and the history of changes. */
export function StaffDetailDrawer() {
  const staff = useStaffStore((s) => s.selected);
  const select = useStaffStore((s) => s.select);
  const [editing, setEditing] = useState(false);
  if (!staff) return null;
  return (
    <Drawer
      open
      size={760}
      title={
        <span>
          {staff.fullName} {staff.role === 'collaborator' ? <Tag color="purple">{STAFF_ROLE_LABELS.collaborator}</Tag> : null}
        </span>
      }
      onClose={() => void select(null)}
      data-testid="staff-detail"
      extra={
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)} data-testid="staff-edit">
          Sửa
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'code', label: 'Mã nhân viên', children: staff.code },
          { key: 'role', label: 'Vai trò', children: STAFF_ROLE_LABELS[staff.role] },
          { key: 'agent', label: 'Tổ chức dịch vụ thu', span: 2, children: `${staff.agentName} (${AGENT_KIND_LABELS[staff.agentKind]})` },
          { key: 'birth', label: 'Năm sinh', children: staff.birthDate ? formatDate(staff.birthDate) : show(staff.birthYear) },
          { key: 'sex', label: 'Giới tính', children: staff.sex === 'M' ? 'Nam' : staff.sex === 'F' ? 'Nữ' : '—' },
          { key: 'cccd', label: 'Số CCCD', children: <RevealCell code={staff.code} name={staff.fullName} field="cccd" masked={staff.cccdMasked} /> },
          { key: 'phone', label: 'Điện thoại', children: <RevealCell code={staff.code} name={staff.fullName} field="phone" masked={staff.phoneMasked} /> },
          { key: 'training', label: 'Ngày tập huấn', children: day(staff.trainingDate) },
          { key: 'card', label: 'Thẻ nhân viên thu', children: staff.cardNo ? `${staff.cardNo}${staff.cardDate ? `, cấp ${formatDate(staff.cardDate)}` : ''}` : '—' },
          { key: 'status', label: 'Trạng thái', children: <StaffStatusTag status={staff.status} /> },
          { key: 'joined', label: 'Thời gian làm', children: `${staff.joinedOn ? `từ ${formatDate(staff.joinedOn)}` : ''}${staff.leftOn ? ` đến ${formatDate(staff.leftOn)}` : ''}` || '—' },
          { key: 'communes', label: 'Xã, phường phụ trách', span: 2, children: staff.communes.length ? staff.communes.map((c) => <Tag key={c.code}>{c.name}</Tag>) : '—' },
          ...(staff.note ? [{ key: 'note', label: 'Ghi chú', span: 2, children: staff.note }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ margin: '20px 0 8px' }}>
        Lịch sử thay đổi
      </Typography.Title>
      <HistoryTable entries={staff.history} testId="staff-history" />
      <StaffFormModal open={editing} staff={staff} onClose={() => setEditing(false)} />
    </Drawer>
  );
}
