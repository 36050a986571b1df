import type { IndicatorKind } from '../../../shared/domain/indicators';
import type { UnitChange, UnitImportShape } from '../../../shared/contract';
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../../../shared/domain/units';

/** Vietnamese labels for codes the contract carries. */
export const BACKUP_REASON_LABELS: Record<string, string> = {
  manual: 'Sao lưu thủ công',
  daily: 'Sao lưu hằng ngày',
  'pre-migration': 'Trước khi nâng cấp CSDL',
  'pre-import': 'Trước khi nhập dữ liệu',
  'pre-restore': 'Trước khi khôi phục',
  'pre-demo': 'Trước khi nạp dữ liệu mẫu',
};

export function backupReasonLabel(reason: string): string {
  return BACKUP_REASON_LABELS[reason] ?? reason;
}

export const IMPORT_SHAPE_LABELS: Record<UnitImportShape, string> = {
  'list-3-level': 'Danh mục 3 cấp (trước 01/07/2025)',
  'list-2-level': 'Danh mục 2 cấp (từ 01/07/2025)',
  merges: 'Bảng sáp nhập đơn vị',
};

export const CHANGE_ACTION_LABELS: Record<UnitChange['action'], { label: string; color: string }> = {
  add: { label: 'Thêm mới', color: 'green' },
  update: { label: 'Cập nhật', color: 'blue' },
  link: { label: 'Liên kết sáp nhập', color: 'purple' },
};

export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  count: 'Số người',
  rate: 'Tỷ lệ',
  money: 'Số tiền',
};

export function levelLabel(level: string | null | undefined): string {
  if (!level) return '—';
  return UNIT_LEVEL_LABELS[level as UnitLevel] ?? level;
}

/** What the unit lists call a unit ("Loại"), in the order the edit form offers them. */
export const UNIT_KINDS = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu', 'Huyện', 'Quận', 'Thị xã', 'Thành phố', 'Tỉnh'];

/** Audit log actions (core writes `action` + `entity` codes); never shown raw (they are program words). */
const AUDIT_LABELS: Record<string, string> = {
  'import:unit': 'Nhập danh mục đơn vị',
  'update:unit': 'Sửa đơn vị',
  'merge:unit': 'Ghi nhận sáp nhập',
  'add:unit': 'Thêm đơn vị',
  'link:unit': 'Liên kết sáp nhập',
  'demo:demo': 'Nạp dữ liệu mẫu',
  'target:target': 'Giao chỉ tiêu',
  'results:result': 'Nhập kết quả tháng',
  'import:import_batch': 'Nhập báo cáo Excel',
  'undo-import:import_batch': 'Hoàn tác lần nhập Excel',
  'create:report': 'Lưu báo cáo',
  'update:report': 'Cập nhật báo cáo',
  'delete:report': 'Xóa báo cáo',
  'create:office': 'Thêm cơ quan BHXH cơ sở',
  'update:office': 'Sửa cơ quan BHXH cơ sở',
  'close:office': 'Cơ quan ngừng hoạt động',
  'assign:office': 'Giao xã, phường cho cơ quan',
  'unassign:office': 'Xã, phường thôi trực thuộc',
  'import:office': 'Nhập danh sách cơ quan BHXH cơ sở',
  'create:employer': 'Thêm đơn vị sử dụng lao động',
  'update:employer': 'Sửa đơn vị sử dụng lao động',
  'create:arrears-action': 'Ghi nhận đôn đốc thu nợ',
  'delete:arrears-action': 'Xóa lần đôn đốc thu nợ',
  'create:arrears-promise': 'Ghi hẹn trả nợ',
  'update:arrears-promise': 'Cập nhật hẹn trả nợ',
  'update:arrears-target': 'Giao chỉ tiêu tỷ lệ nợ',
  'import:arrears-import': 'Nhập danh sách nợ',
  'undo:arrears-import': 'Hoàn tác lần nhập danh sách nợ',
  'update:reminder-template': 'Sửa mẫu công văn đôn đốc',
};

const AUDIT_VERBS: Record<string, string> = {
  add: 'Thêm',
  create: 'Thêm',
  update: 'Sửa',
  delete: 'Xóa',
  import: 'Nhập dữ liệu',
  merge: 'Ghi nhận sáp nhập',
  link: 'Liên kết sáp nhập',
  backup: 'Sao lưu',
  restore: 'Khôi phục',
  demo: 'Nạp dữ liệu mẫu',
  migrate: 'Nâng cấp CSDL',
};

export function auditActionLabel(action: string, entity: string): string {
  return AUDIT_LABELS[`${action}:${entity}`] ?? AUDIT_VERBS[action] ?? 'Thao tác khác';
}
