import { Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { PageTitle } from '../components/PageTitle';

/** What each area that is not built yet will do (one sentence, no figures). */
export const PLACEHOLDER_TEXT: Record<string, string> = {
  overview: 'Bảng điều khiển tiến độ thực hiện chỉ tiêu theo đơn vị và kỳ báo cáo.',
  targets: 'Ghi nhận chỉ tiêu được giao theo từng cấp, kết quả thực hiện và so sánh với kế hoạch, cùng kỳ năm trước.',
  imports: 'Nhập báo cáo kết quả từ tệp Excel của các đơn vị, kiểm tra từng dòng trước khi ghi vào cơ sở dữ liệu.',
  agents: 'Quản lý tổ chức dịch vụ thu, điểm thu, nhân viên đại lý thu và kết quả phát triển người tham gia của từng đại lý.',
  campaigns: 'Theo dõi hội nghị tuyên truyền, lễ ra quân, tháng cao điểm và số người đăng ký tham gia sau mỗi đợt.',
  emulation: 'Chấm điểm thi đua đơn vị, đại lý thu, nhân viên thu theo tiêu chí có trọng số; ghi nhận khen thưởng.',
  prospects: 'Quản lý danh sách người tiềm năng và người đến hạn đóng, phân công vận động theo xã và theo nhân viên.',
  arrears: 'Theo dõi đơn vị sử dụng lao động chậm đóng, nợ đọng BHXH, BHYT, BHTN và kết quả đôn đốc thu hồi.',
  reports: 'Lập báo cáo gửi Ban Chỉ đạo theo thể thức Nghị định 30/2020/NĐ-CP, in và xuất PDF, Excel.',
};

export function PlaceholderPage({ title, areaKey }: { title: string; areaKey: string }) {
  return (
    <div className="page">
      <PageTitle title={title} />
      <Card>
        <Result
          icon={<ToolOutlined aria-hidden style={{ color: '#0b5aa2' }} />}
          title="Chức năng này đang được xây dựng"
          subTitle={PLACEHOLDER_TEXT[areaKey]}
          data-testid="placeholder-result"
        />
      </Card>
    </div>
  );
}
