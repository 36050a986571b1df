import { App, Button, Card, Typography } from 'antd';
import { ExperimentOutlined, FileExcelOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { formatCount } from '../../../shared/format/vi';
import { useAppStore } from '../stores/app';
import { useRoute } from '../stores/route';
import { useUnitImportStore } from '../stores/unitImport';

/** Shown while the database has no administrative units yet. */
export function FirstRunPage() {
  const { message } = App.useApp();
  const loadDemo = useAppStore((s) => s.loadDemo);
  const demoLoading = useAppStore((s) => s.demoLoading);
  const skip = useAppStore((s) => s.skipFirstRun);
  const navigate = useRoute((s) => s.navigate);
  const openImport = useUnitImportStore((s) => s.openDialog);

  const chooseDemo = async () => {
    const res = await loadDemo();
    if (res.ok) {
      void message.success(
        `Đã nạp dữ liệu mẫu: ${formatCount(res.value.units)} đơn vị hành chính, ${formatCount(res.value.offices)} cơ quan BHXH cơ sở.`,
      );
      // The demo is there to be looked at: open on its figures, not on the unit list.
      navigate('overview');
    } else {
      void message.error(res.error.message);
    }
  };

  return (
    <div className="center-page" data-testid="first-run">
      <Card className="welcome-card">
        <div className="welcome-head">
          <SafetyCertificateOutlined aria-hidden className="welcome-icon" />
          <Typography.Title level={2} style={{ margin: 0 }}>
            Chào mừng đến với BHXH Desk
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="welcome-lead">
            Công cụ theo dõi phát triển người tham gia BHXH, BHYT cho BHXH tỉnh. Để bắt đầu, chương trình cần danh mục đơn vị hành chính của
            tỉnh.
          </Typography.Paragraph>
        </div>
        <div className="welcome-choices">
          <button
            type="button"
            className="choice"
            onClick={() => openImport({ navigateTo: 'catalogs' })}
            aria-label="Nhập danh mục đơn vị hành chính"
          >
            <FileExcelOutlined aria-hidden className="choice-icon choice-icon-excel" />
            <span className="choice-title">Nhập danh mục đơn vị hành chính</span>
            <span className="choice-text">
              Tệp Excel danh mục do cơ quan thống kê/BHXH Việt Nam ban hành, có các cột Mã tỉnh, Tên tỉnh, Mã huyện, Tên huyện, Mã xã, Tên
              xã, Cấp. Bạn được xem trước mọi thay đổi trước khi nhập.
            </span>
          </button>
          <button
            type="button"
            className="choice"
            onClick={() => void chooseDemo()}
            disabled={demoLoading}
            aria-label="Dùng dữ liệu mẫu"
            aria-busy={demoLoading}
          >
            <ExperimentOutlined aria-hidden className="choice-icon choice-icon-demo" />
            <span className="choice-title">{demoLoading ? 'Đang nạp dữ liệu mẫu…' : 'Dùng dữ liệu mẫu'}</span>
            <span className="choice-text">
              Một tỉnh giả định với đơn vị hành chính, cơ quan BHXH cơ sở và số liệu minh họa, để làm quen với chương trình. Dữ liệu mẫu
              luôn được gắn nhãn <strong>DỮ LIỆU MẪU</strong>, không phải số liệu thật.
            </span>
          </button>
        </div>
        <div className="welcome-skip">
          <Button type="link" onClick={skip}>
            Bỏ qua, vào ứng dụng
          </Button>
        </div>
      </Card>
    </div>
  );
}
