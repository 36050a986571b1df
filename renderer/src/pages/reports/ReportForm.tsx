import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { IndicatorDef, Office, ReportDefinition, ReportSectionInfo, ReportSort, Unit } from '../../../../shared/contract';
import { dayjsToIso, isoToDayjs, PICKER_FORMAT, todayDayjs } from '../../format/dates';
import { RecipientsInput } from './RecipientsInput';
import { filterScopeOption, PROVINCE_SCOPE, scopeGroups } from './scopeOptions';
import { SectionChecklist } from './SectionChecklist';

const SORT_OPTIONS: { value: ReportSort; label: string }[] = [
  { value: 'progress-desc', label: '% kế hoạch giảm dần' },
  { value: 'progress-asc', label: '% kế hoạch tăng dần' },
  { value: 'actual-desc', label: 'Số thực hiện giảm dần' },
  { value: 'name', label: 'Tên A–Z' },
  { value: 'code', label: 'Mã đơn vị' },
];

function FormGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="report-form-group">
      <legend>
        <Typography.Text strong>{title}</Typography.Text>
      </legend>
      {children}
    </fieldset>
  );
}

/** The report's definition, field by field; every change goes straight to the store (which previews). */
export function ReportForm({
  definition,
  catalogue,
  indicators,
  offices,
  units,
  formKey,
  onChange,
}: {
  definition: ReportDefinition;
  catalogue: readonly ReportSectionInfo[];
  indicators: readonly IndicatorDef[];
  offices: readonly Office[];
  units: readonly Unit[];
  /** Changes when another report is loaded: resets inputs that keep their own text. */
  formKey: string;
  onChange: (patch: Partial<ReportDefinition>) => void;
}) {
  const scopes = useMemo(() => scopeGroups(offices, units), [offices, units]);
  const countIndicators = useMemo(() => indicators.filter((i) => i.kind === 'count').map((i) => ({ value: i.code, label: i.shortName || i.name })), [indicators]);
  const isProvince = definition.scopeCode === null;
  const month = dayjs(definition.period + '-01', 'YYYY-MM-DD');

  return (
    <Form layout="vertical" className="report-form" data-testid="report-form" component="div">
      <FormGroup title="Kỳ và phạm vi">
        <div className="report-form-pair">
          <Form.Item label="Kỳ báo cáo" htmlFor="report-period">
            <DatePicker
              id="report-period"
              picker="month"
              format="MM/YYYY"
              value={month}
              allowClear={false}
              disabledDate={(d: Dayjs) => d.isAfter(todayDayjs(), 'month')}
              onChange={(d) => {
                if (d) onChange({ period: d.format('YYYY-MM') });
              }}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label="Bảng theo" htmlFor="report-group-by" tooltip="Theo BHXH cơ sở chỉ dùng được khi báo cáo toàn tỉnh.">
            <Select
              id="report-group-by"
              value={isProvince ? definition.groupBy : 'unit'}
              disabled={!isProvince}
              onChange={(groupBy) => onChange({ groupBy })}
              options={[
                { value: 'unit', label: 'Đơn vị' },
                { value: 'office', label: 'BHXH cơ sở' },
              ]}
            />
          </Form.Item>
        </div>
        <Form.Item label="Phạm vi" htmlFor="report-scope">
          <Select
            id="report-scope"
            showSearch={{ filterOption: filterScopeOption }}
            value={definition.scopeCode ?? PROVINCE_SCOPE}
            options={scopes}
            onChange={(value: string) => {
              const scopeCode = value === PROVINCE_SCOPE ? null : value;
              onChange(scopeCode === null ? { scopeCode } : { scopeCode, groupBy: 'unit' });
            }}
          />
        </Form.Item>
        <Form.Item label="Sắp xếp bảng theo đơn vị" htmlFor="report-sort">
          <Select id="report-sort" value={definition.sort} options={SORT_OPTIONS} onChange={(sort) => onChange({ sort })} />
        </Form.Item>
        <Form.Item label="Chỉ tiêu" htmlFor="report-indicators" extra="Chỉ tiêu đầu tiên dùng để xếp hạng và vẽ biểu đồ.">
          <Select
            id="report-indicators"
            mode="multiple"
            value={definition.indicatorCodes}
            options={countIndicators}
            maxCount={8}
            onChange={(indicatorCodes: string[]) => onChange({ indicatorCodes })}
            placeholder="Chọn ít nhất một chỉ tiêu"
          />
        </Form.Item>
      </FormGroup>

      <FormGroup title="Phần báo cáo">
        <SectionChecklist catalogue={catalogue} chosen={definition.sections} onChange={(sections) => onChange({ sections })} />
      </FormGroup>

      <FormGroup title="Thể thức văn bản">
        <div className="report-form-pair">
          <Form.Item label="Số, ký hiệu" htmlFor="report-doc-number">
            <Input id="report-doc-number" value={definition.docNumber} prefix="Số:" onChange={(e) => onChange({ docNumber: e.target.value })} maxLength={100} />
          </Form.Item>
          <Form.Item label="Địa danh" htmlFor="report-place">
            <Input id="report-place" value={definition.place} onChange={(e) => onChange({ place: e.target.value })} maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item label="Ngày ban hành" htmlFor="report-issue-date" extra="Để trống để điền tay sau khi ký.">
          <DatePicker
            id="report-issue-date"
            format={PICKER_FORMAT}
            value={isoToDayjs(definition.issueDate)}
            onChange={(d) => onChange({ issueDate: dayjsToIso(d) })}
            placeholder="Để trống"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label="Trích yếu" htmlFor="report-subject" extra="Để trống: “Kết quả thực hiện công tác phát triển người tham gia BHXH, BHYT tháng …”.">
          <Input.TextArea id="report-subject" value={definition.subject} onChange={(e) => onChange({ subject: e.target.value })} autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} />
        </Form.Item>
        <Form.Item label="Nơi nhận (mỗi dòng một nơi)" htmlFor="report-recipients">
          <RecipientsInput key={formKey} value={definition.recipients} onChange={(recipients) => onChange({ recipients })} />
        </Form.Item>
        <Form.Item label="Quyền hạn ký" htmlFor="report-signer-authority" extra="Ví dụ: KT. GIÁM ĐỐC; để trống khi Giám đốc ký.">
          <Input id="report-signer-authority" value={definition.signerAuthority} onChange={(e) => onChange({ signerAuthority: e.target.value })} maxLength={100} />
        </Form.Item>
        <div className="report-form-pair">
          <Form.Item label="Chức vụ người ký" htmlFor="report-signer-title">
            <Input id="report-signer-title" value={definition.signerTitle} onChange={(e) => onChange({ signerTitle: e.target.value })} maxLength={100} />
          </Form.Item>
          <Form.Item label="Họ và tên người ký" htmlFor="report-signer-name">
            <Input id="report-signer-name" value={definition.signerName} onChange={(e) => onChange({ signerName: e.target.value })} maxLength={100} />
          </Form.Item>
        </div>
      </FormGroup>
    </Form>
  );
}
