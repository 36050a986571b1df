import { Alert, Descriptions, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AssignOutcome } from '../../../../shared/contract';
import { PERSON_PRODUCT_LABELS, PERSON_STATUS_LABELS } from '../../../../shared/domain/people';
import { formatCount } from '../../../../shared/format/vi';
import { usePeopleStore } from '../../stores/people';
import { usePersonLists } from '../../stores/personLists';
import { useNetworkShared } from '../../stores/networkShared';
import { StaffSelect } from './StaffSelect';

/**
 * Phân công: everyone the current filter matches goes to one staff member, or is shared evenly
 * over several (whole hamlets where it can). The filter, not a selection of rows, says who.
 */
export function AssignModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const filters = usePeopleStore((s) => s.filters);
  const total = usePeopleStore((s) => s.total);
  const more = usePeopleStore((s) => (s.totalIsEstimate ? 'hơn ' : ''));
  const assign = usePeopleStore((s) => s.assign);
  const lists = usePersonLists((s) => s.lists);
  const communes = useNetworkShared((s) => s.communes);
  const [staff, setStaff] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AssignOutcome | null>(null);
  const close = () => {
    setStaff([]);
    setError(null);
    setOutcome(null);
    onClose();
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    const res = await assign(staff);
    setBusy(false);
    if (res.ok) setOutcome(res.value);
    else setError(res.error.message);
  };
  const listName = lists.find((l) => l.id === filters.listId)?.name;
  const commune = communes.find((c) => c.code === filters.unitCode)?.name ?? filters.unitCode;
  return (
    <Modal
      open={open}
      title="Phân công vận động"
      onCancel={close}
      onOk={outcome ? close : () => void run()}
      okText={outcome ? 'Đóng' : `Giao ${more}${formatCount(total)} người`}
      cancelButtonProps={{ style: outcome ? { display: 'none' } : undefined }}
      okButtonProps={{ disabled: !outcome && staff.length === 0, loading: busy }}
      width={620}
      destroyOnHidden
    >
      {outcome ? (
        <>
          <Alert type="success" showIcon title={`Đã giao ${formatCount(outcome.assigned)} người.`} style={{ marginBottom: 12 }} data-testid="assign-outcome" />
          <Table
            size="small"
            rowKey="staffCode"
            pagination={false}
            dataSource={outcome.perStaff}
            columns={[
              { title: 'Nhân viên thu', dataIndex: 'staffName', key: 'n', render: (v: string, r) => `${v} (${r.staffCode})` },
              { title: 'Số người', dataIndex: 'count', key: 'c', align: 'right', render: (v: number) => formatCount(v) },
            ]}
          />
        </>
      ) : (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            {listName ? <Descriptions.Item label="Danh sách">{listName}</Descriptions.Item> : null}
            {commune ? <Descriptions.Item label="Xã, phường">{commune}</Descriptions.Item> : null}
            {filters.hamlet ? <Descriptions.Item label="Thôn, ấp">{filters.hamlet}</Descriptions.Item> : null}
            {filters.status?.length ? <Descriptions.Item label="Tình trạng">{filters.status.map((s) => PERSON_STATUS_LABELS[s]).join(', ')}</Descriptions.Item> : null}
            {filters.product ? <Descriptions.Item label="Loại hình">{PERSON_PRODUCT_LABELS[filters.product]}</Descriptions.Item> : null}
            {filters.unassigned ? <Descriptions.Item label="Chỉ người">chưa giao nhân viên</Descriptions.Item> : null}
            <Descriptions.Item label="Số người">
              <strong>
                {more}
                {formatCount(total)}
              </strong>
            </Descriptions.Item>
          </Descriptions>
          <label htmlFor="assign-staff" className="field-label">
            Giao cho
          </label>
          <StaffSelect id="assign-staff" multiple value={staff} onChange={(v) => setStaff((v as string[] | null) ?? [])} width="100%" testId="assign-staff" />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            Chọn nhiều nhân viên thì số người được chia đều, mỗi người nhận trọn thôn, ấp khi có thể. Người đã giao trước đó sẽ được giao lại.
          </Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} /> : null}
        </>
      )}
    </Modal>
  );
}
