import { Card, Spin, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorResult } from '../../components/ErrorResult';
import { PageTitle } from '../../components/PageTitle';
import { useCatalogsStore } from '../../stores/catalogs';
import { useReportsStore } from '../../stores/reports';
import { ReportActions } from './ReportActions';
import { ReportForm } from './ReportForm';
import { ReportPreview } from './ReportPreview';
import { SavedReportsTable } from './SavedReportsTable';
import './reports.css';

type Tab = 'editor' | 'saved';

function Editor() {
  const definition = useReportsStore((s) => s.definition);
  const catalogue = useReportsStore((s) => s.catalogue);
  const units = useReportsStore((s) => s.units);
  const savedId = useReportsStore((s) => s.savedId);
  const update = useReportsStore((s) => s.update);
  const indicators = useCatalogsStore((s) => s.indicators.items);
  const offices = useCatalogsStore((s) => s.offices.items);
  if (!definition) return null;
  return (
    <div className="report-editor">
      <div className="report-form-column">
        <ReportForm
          definition={definition}
          catalogue={catalogue}
          indicators={indicators}
          offices={offices}
          units={units}
          // A definition object from open/new (not from typing) remounts inputs keeping their own text.
          formKey={`${savedId ?? 'new'}-${definition.period}-${definition.scopeCode ?? ''}`}
          onChange={update}
        />
      </div>
      <ReportPreview />
    </div>
  );
}

/** Báo cáo: the steering-committee report, composed on the left, previewed as printed on the right. */
export function ReportsPage() {
  const [tab, setTab] = useState<Tab>('editor');
  const loaded = useReportsStore((s) => s.loaded);
  const loadError = useReportsStore((s) => s.loadError);
  const savedId = useReportsStore((s) => s.savedId);
  const dirty = useReportsStore((s) => s.dirty);
  const count = useReportsStore((s) => s.list.length);
  const init = useReportsStore((s) => s.init);
  const watchDataChanges = useReportsStore((s) => s.watchDataChanges);
  const document = useReportsStore((s) => s.document);
  const loadIndicators = useCatalogsStore((s) => s.loadIndicators);
  const loadOffices = useCatalogsStore((s) => s.loadOffices);
  const indicatorsLoaded = useCatalogsStore((s) => s.indicators.loaded);
  const officesLoaded = useCatalogsStore((s) => s.offices.loaded);

  useEffect(() => {
    void init();
    return watchDataChanges();
  }, [init, watchDataChanges]);

  useEffect(() => {
    if (!indicatorsLoaded) void loadIndicators();
    if (!officesLoaded) void loadOffices();
  }, [indicatorsLoaded, officesLoaded, loadIndicators, loadOffices]);

  const state = savedId === null ? <Tag>Chưa lưu</Tag> : dirty ? <Tag color="gold">Có thay đổi chưa lưu</Tag> : <Tag color="green">Đã lưu</Tag>;
  const description = (
    <span className="report-page-subtitle">
      Báo cáo Ban Chỉ đạo, thể thức Nghị định 30/2020/NĐ-CP{document ? ` · ${document.scopeName}` : ''} {state}
    </span>
  );

  let body;
  if (loadError) body = <Card><ErrorResult title="Không mở được phần báo cáo" error={loadError} onRetry={() => void init()} /></Card>;
  else if (!loaded)
    body = (
      <div className="report-preview-loading">
        <Spin description="Đang tải…" />
      </div>
    );
  else
    body = (
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        tabBarExtraContent={<ReportActions />}
        items={[
          { key: 'editor', label: 'Soạn báo cáo', children: <Editor /> },
          {
            key: 'saved',
            label: `Báo cáo đã lưu${count ? ` (${count})` : ''}`,
            children: (
              <Card size="small">
                <SavedReportsTable onOpened={() => setTab('editor')} />
              </Card>
            ),
          },
        ]}
      />
    );

  return (
    <div className="page reports-page" data-testid="reports-page">
      <PageTitle title="Báo cáo" description={description} />
      {body}
    </div>
  );
}
