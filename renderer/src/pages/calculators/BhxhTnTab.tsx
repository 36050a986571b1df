import { App, Button, Card, Descriptions, Form, InputNumber, Select, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { BhxhTnResult, RequestOf } from '../../../../shared/contract';
import { BHXH_TN_GROUP_LABELS, BHXH_TN_GROUPS, MAX_YEARS_AHEAD, PAY_MODE_LABELS, PAY_MODES, ruleValueText, type BhxhTnGroup, type PayMode } from '../../../../shared/domain/contributions';
import { formatCount, formatMoney } from '../../../../shared/format/vi';
import { CountInput } from '../../components/CountInput';
import { useCalculatorStore } from '../../stores/calculators';
import { Basis, DateAndName, Money, PercentInput, Problem } from './CalcCommon';
import { printQuote } from './calcPrint';

const pct = (v: number) => ruleValueText('percent', v);

/** Voluntary BHXH: income, support group, province top-up, payment mode → what the person pays. */
export function BhxhTnTab() {
  const { message } = App.useApp();
  const { date, personName, bhxhTn, quoteDocument } = useCalculatorStore();
  const [income, setIncome] = useState<number | null>(1_500_000);
  const [group, setGroup] = useState<BhxhTnGroup>('poor');
  const [mode, setMode] = useState<PayMode>('1');
  const [years, setYears] = useState<number>(2);
  const [province, setProvince] = useState<number | null>(null);
  const [result, setResult] = useState<BhxhTnResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const seq = useRef(0);
  const request = (): RequestOf<'calc:bhxhTn'> | null =>
    income ? { income, group, mode, ...(mode === 'years' ? { years } : {}), ...(province ? { provinceSupportPct: province } : {}), date } : null;
  useEffect(() => {
    const req = request();
    if (!req) {
      setResult(null);
      setProblem('Hãy nhập mức thu nhập tháng chọn đóng.');
      return;
    }
    const n = ++seq.current;
    void bhxhTn(req).then((res) => {
      if (n !== seq.current) return;
      setResult(res.ok ? res.value : null);
      setProblem(res.ok ? null : res.error.message);
    });
  }, [income, group, mode, years, province, date]); // eslint-disable-line react-hooks/exhaustive-deps
  const print = async () => {
    const req = request();
    if (!req) return;
    setPrinting(true);
    const res = await quoteDocument({ kind: 'bhxhTn', input: req, personName: personName.trim() || null });
    setPrinting(false);
    if (!res.ok) message.error(res.error.message);
    else await printQuote(res.value);
  };
  return (
    <div className="calc-grid">
      <Card size="small" title="Thông tin tính">
        <Form layout="vertical" requiredMark={false}>
          <DateAndName nameLabel="Họ tên người tham gia" />
          <Form.Item label="Mức thu nhập tháng chọn đóng" required extra={result ? `Từ ${formatMoney(result.minIncome)} đến ${formatMoney(result.maxIncome)}` : undefined}>
            <CountInput value={income} onChange={setIncome} ariaLabel="Mức thu nhập tháng" suffix="đ" testId="tn-income" />
          </Form.Item>
          <Form.Item label="Nhóm đối tượng">
            <Select value={group} onChange={setGroup} options={BHXH_TN_GROUPS.map((g) => ({ value: g, label: BHXH_TN_GROUP_LABELS[g] }))} aria-label="Nhóm đối tượng" data-testid="tn-group" />
          </Form.Item>
          <Form.Item label="Tỉnh hỗ trợ thêm" extra="% mức đóng tính trên chuẩn nghèo nông thôn, theo nghị quyết của tỉnh (nếu có)">
            <PercentInput value={province} onChange={setProvince} ariaLabel="Tỉnh hỗ trợ thêm" testId="tn-province" />
          </Form.Item>
          <Form.Item label="Phương thức đóng">
            <Select value={mode} onChange={setMode} options={PAY_MODES.map((m) => ({ value: m, label: PAY_MODE_LABELS[m] }))} aria-label="Phương thức đóng" data-testid="tn-mode" />
          </Form.Item>
          {mode === 'years' ? (
            <Form.Item label="Số năm đóng trước">
              <InputNumber<number> min={2} max={MAX_YEARS_AHEAD} precision={0} value={years} onChange={(v) => setYears(v ?? 2)} aria-label="Số năm đóng trước" style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      <Card
        size="small"
        title="Kết quả"
        extra={
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void print()} loading={printing} disabled={!result} data-testid="tn-print">
            In bảng tính
          </Button>
        }
      >
        {problem ? <Problem message={problem} /> : null}
        {result ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="tn-result">
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={`Mức đóng một tháng (${pct(result.ratePct)} thu nhập)`}><Money value={result.contribution} testId="tn-contribution" /></Descriptions.Item>
              <Descriptions.Item label={`Nhà nước hỗ trợ (${pct(result.stateSupportPct)} mức đóng trên ${formatMoney(result.minIncome)})`}><Money value={result.stateSupport} testId="tn-state" /></Descriptions.Item>
              {result.provinceSupportPct > 0 ? (
                <Descriptions.Item label={`Tỉnh hỗ trợ thêm (${pct(result.provinceSupportPct)})`}><Money value={result.provinceSupport} testId="tn-province-amount" /></Descriptions.Item>
              ) : null}
              <Descriptions.Item label="Người tham gia đóng một tháng"><Money value={result.personPays} testId="tn-pays" /></Descriptions.Item>
              <Descriptions.Item label={result.mode === 'years' ? `Đóng một lần cho ${formatCount(result.months / 12)} năm (đã chiết khấu ${pct(result.discountRatePct ?? 0)}/năm)` : `${PAY_MODE_LABELS[result.mode]}: số tiền mỗi lần (${formatCount(result.months)} tháng)`}>
                <Money value={result.totalPays} testId="tn-total" big />
              </Descriptions.Item>
            </Descriptions>
            <Basis rules={result.rules} />
          </Space>
        ) : null}
      </Card>
    </div>
  );
}
