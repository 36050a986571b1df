import { Segmented, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { CommuneCoverage } from '../../../../shared/contract';
import { AGENT_KIND_LABELS, MIN_AGENT_KINDS_PER_COMMUNE } from '../../../../shared/domain/network';
import { formatCount, viCollator } from '../../../../shared/format/vi';

type Show = 'all' | 'flagged';

/** Communes: points, agent kinds, trained staff and people per trained staff member, with the two flags. */
export function CommuneTable({ rows }: { rows: CommuneCoverage[] }) {
  const [showing, setShowing] = useState<Show>('all');
  const list = useMemo(
    () => rows.filter((r) => showing === 'all' || r.noPoint || r.fewKinds).sort((a, b) => viCollator.compare(a.name, b.name)),
    [rows, showing],
  );
  return (
    <div data-testid="network-communes">
      <div className="toolbar" style={{ marginBottom: 8 }}>
        <Segmented<Show>
          size="small"
          value={showing}
          onChange={setShowing}
          options={[
            { value: 'all', label: `Tất cả (${formatCount(rows.length)})` },
            { value: 'flagged', label: `Cần chú ý (${formatCount(rows.filter((r) => r.noPoint || r.fewKinds).length)})` },
          ]}
          aria-label="Xã, phường hiển thị"
        />
      </div>
      <Table<CommuneCoverage>
        size="small"
        rowKey="code"
        dataSource={list}
        scroll={{ x: 980 }}
        pagination={{ pageSize: 15, showSizeChanger: false, hideOnSinglePage: true, showTotal: (t) => `${formatCount(t)} xã, phường` }}
        locale={{ emptyText: 'Không có xã, phường nào.' }}
        columns={[
          { title: 'Xã, phường', dataIndex: 'name', width: 190 },
          { title: 'BHXH cơ sở', dataIndex: 'officeName', width: 170, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: 'Điểm thu', dataIndex: 'points', width: 80, align: 'right', render: (v: number) => formatCount(v) },
          {
            title: 'Loại tổ chức',
            dataIndex: 'kinds',
            render: (kinds: CommuneCoverage['kinds']) => (
              <Tooltip title={kinds.map((k) => AGENT_KIND_LABELS[k]).join(', ') || 'Chưa có tổ chức nào'}>
                <span>
                  <b>{formatCount(kinds.length)}</b> <span className="muted">{kinds.map((k) => AGENT_KIND_LABELS[k]).join(', ')}</span>
                </span>
              </Tooltip>
            ),
            ellipsis: true,
          },
          { title: 'Nhân viên đã tập huấn', dataIndex: 'trainedStaff', width: 110, align: 'right', render: (v: number, r) => `${formatCount(v)}/${formatCount(r.staff)}` },
          { title: 'Dân số', dataIndex: 'population', width: 95, align: 'right', render: (v: number | null) => formatCount(v) },
          { title: 'Số dân/nhân viên', dataIndex: 'peoplePerStaff', width: 110, align: 'right', render: (v: number | null) => formatCount(v === null ? null : Math.round(v)) },
          {
            title: 'Cảnh báo',
            key: 'flags',
            width: 200,
            render: (_: unknown, r) => (
              <span className="tag-list">
                {r.noPoint ? <Tag color="red">Chưa có điểm thu</Tag> : null}
                {r.fewKinds ? (
                  <Tooltip title={`Ít hơn ${MIN_AGENT_KINDS_PER_COMMUNE} loại tổ chức dịch vụ thu phục vụ xã, phường này`}>
                    <Tag color="orange">Dưới {MIN_AGENT_KINDS_PER_COMMUNE} loại đại lý</Tag>
                  </Tooltip>
                ) : null}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
