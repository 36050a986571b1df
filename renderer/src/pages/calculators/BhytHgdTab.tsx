import { App, Button, Card, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { MinusOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { BhytHgdMember, BhytHgdResult, RequestOf } from '../../../../shared/contract';
import { BHYT_HGD_GROUP_LABELS, BHYT_HGD_GROUPS, BHYT_HGD_RANK_LABELS, MAX_BHYT_MONTHS, memberRank, ruleValueText, type BhytHgdGroup } from '../../../../shared/domain/contributions';
import { formatCount, formatMoney } from '../../../../shared/format/vi';
import { useCalculatorStore } from '../../stores/calculators';
import { Basis, DateAndName, Money, PercentInput, Problem } from './CalcCommon';
import { printQuote } from './calcPrint';

const MAX_MEMBERS = 30;

/** Household BHYT: the members in order, each with a support group, and the months → each member's amount and the total. */
export function BhytHgdTab() {
  const { message } = App.useApp();
  const { date, personName, bhytHgd, quoteDocument } = useCalculatorStore();
  const [members, setMembers] = useState<BhytHgdGroup[]>(['none']);
  const [months, setMonths] = useState<number>(12);
  const [province, setProvince] = useState<number | null>(null);
  const [result, setResult] = useState<BhytHgdResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const seq = useRef(0);
  const request = (): RequestOf<'calc:bhytHgd'> => ({ members, months, ...(province ? { provinceSupportPct: province } : {}), date });
  useEffect(() => {
    const n = ++seq.current;
    void bhytHgd(request()).then((res) => {
      if (n !== seq.current) return;
      setResult(res.ok ? res.value : null);
      setProblem(res.ok ? null : res.error.message);
    });
  }, [members, months, province, date]); // eslint-disable-line react-hooks/exhaustive-deps
  const print = async () => {
    setPrinting(true);
    const res = await quoteDocument({ kind: 'bhytHgd', input: request(), personName: personName.trim() || null });
    setPrinting(false);
    if (!res.ok) message.error(res.error.message);
    else await printQuote(res.value);
  };
  const setGroup = (i: number, g: BhytHgdGroup) => setMembers((m) => m.map((x, j) => (j === i ? g : x)));
  return (
    <div className="calc-grid">
      <Card size="small" title="Thông tin tính">
        <Form layout="vertical" requiredMark={false}>
          <DateAndName nameLabel="Chủ hộ (in trên bảng tính)" />
          <Form.Item label="Số tháng đóng">
            <InputNumber<number> min={1} max={MAX_BHYT_MONTHS} precision={0} value={months} onChange={(v) => setMonths(v ?? 1)} suffix="tháng" aria-label="Số tháng đóng" data-testid="hgd-months" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="Mức hỗ trợ của tỉnh cho nhóm được hỗ trợ" extra="Nếu tỉnh hỗ trợ cao hơn mức tối thiểu (ví dụ Bình Thuận 50% cho hộ nông, lâm, ngư, diêm nghiệp)">
            <PercentInput value={province} onChange={setProvince} ariaLabel="Mức hỗ trợ của tỉnh" testId="hgd-province" />
          </Form.Item>
          <Form.Item label={`Thành viên (${formatCount(members.length)} người)`}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {members.map((g, i) => (
                <Space.Compact key={i} style={{ width: '100%' }}>
                  <span className="ant-input-group-addon" style={{ minWidth: 150, display: 'flex', alignItems: 'center' }}>{BHYT_HGD_RANK_LABELS[memberRank(i)]}</span>
                  <Select
                    value={g}
                    onChange={(v) => setGroup(i, v)}
                    options={BHYT_HGD_GROUPS.map((x) => ({ value: x, label: x === 'none' ? 'Không được hỗ trợ' : BHYT_HGD_GROUP_LABELS[x] }))}
                    aria-label={`Nhóm hỗ trợ của thành viên thứ ${i + 1}`}
                    data-testid={`hgd-member-${i + 1}`}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                </Space.Compact>
              ))}
              <Space>
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => setMembers((m) => [...m, 'none'])} disabled={members.length >= MAX_MEMBERS} data-testid="hgd-add">
                  Thêm thành viên
                </Button>
                <Button icon={<MinusOutlined aria-hidden />} onClick={() => setMembers((m) => m.slice(0, -1))} disabled={members.length <= 1} data-testid="hgd-remove">
                  Bớt thành viên
                </Button>
              </Space>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card
        size="small"
        title="Kết quả"
        extra={
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void print()} loading={printing} disabled={!result} data-testid="hgd-print">
            In bảng tính
          </Button>
        }
      >
        {problem ? <Problem message={problem} /> : null}
        {result ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hgd-result">
            <Table<BhytHgdMember>
              className="calc-members"
              size="small"
              rowKey="position"
              pagination={false}
              dataSource={result.members}
              columns={[
                { title: 'STT', dataIndex: 'position', width: 56, align: 'right' },
                { title: 'Thành viên', dataIndex: 'rankLabel', render: (t: string, m) => `${t} (${ruleValueText('percent', m.rankPct)})` },
                { title: 'Nhóm hỗ trợ', render: (_, m) => (m.group === 'none' ? '—' : `${m.groupLabel} (${ruleValueText('percent', m.supportPct)})`) },
                { title: 'Mức đóng/tháng', dataIndex: 'amount', align: 'right', render: (v: number) => <Money value={v} /> },
                { title: 'Hỗ trợ', dataIndex: 'support', align: 'right', render: (v: number) => <Money value={v} /> },
                { title: 'Phải đóng/tháng', dataIndex: 'pays', align: 'right', render: (v: number) => <Money value={v} /> },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}><strong>Cộng</strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right"><strong><Money value={result.total} testId="hgd-total" /></strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right"><strong><Money value={result.totalSupport} /></strong></Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right"><strong><Money value={result.totalPays} testId="hgd-pays" /></strong></Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <Typography.Text>
              Cả hộ đóng <Money value={result.periodPays} testId="hgd-period" big /> cho {formatCount(result.months)} tháng (mức lương cơ sở {formatMoney(result.baseSalary)}).
            </Typography.Text>
            <Basis rules={result.rules} />
          </Space>
        ) : null}
      </Card>
    </div>
  );
}
