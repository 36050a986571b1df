/**
 * Employer arrears' vocabulary (DOMAIN.md, "Employer arrears (nợ đọng)"): kinds of employer, their
 * status, the bands of months owed, collection actions and instalment promises. Codes are stored;
 * labels are what users read; aliases are the words offices type in their workbooks.
 */
import { foldText } from '../text/fold';

export const EMPLOYER_KINDS = ['STATE', 'ENTERPRISE', 'FDI', 'HOUSEHOLD', 'COOPERATIVE', 'NGO', 'OTHER'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  STATE: 'Cơ quan, đơn vị nhà nước',
  ENTERPRISE: 'Doanh nghiệp trong nước',
  FDI: 'Doanh nghiệp có vốn đầu tư nước ngoài',
  HOUSEHOLD: 'Hộ kinh doanh',
  COOPERATIVE: 'Hợp tác xã',
  NGO: 'Tổ chức xã hội, phi chính phủ',
  OTHER: 'Khác',
};

export const EMPLOYER_STATUSES = ['ACTIVE', 'SUSPENDED', 'DISSOLVED', 'MISSING'] as const;
export type EmployerStatus = (typeof EMPLOYER_STATUSES)[number];
export const EMPLOYER_STATUS_LABELS: Record<EmployerStatus, string> = {
  ACTIVE: 'Đang hoạt động',
  SUSPENDED: 'Tạm ngừng kinh doanh',
  DISSOLVED: 'Giải thể, phá sản',
  MISSING: 'Không tìm thấy, bỏ trốn',
};

/** Bands of months owed, then the group of employers no longer operating (whatever they owe). */
export const ARREARS_BANDS = ['UNDER_3', 'FROM_3_TO_6', 'FROM_6_TO_12', 'FROM_12', 'CLOSED'] as const;
export type ArrearsBand = (typeof ARREARS_BANDS)[number];
export const ARREARS_BAND_LABELS: Record<ArrearsBand, string> = {
  UNDER_3: 'Dưới 3 tháng',
  FROM_3_TO_6: 'Từ 3 đến dưới 6 tháng',
  FROM_6_TO_12: 'Từ 6 đến dưới 12 tháng',
  FROM_12: 'Từ 12 tháng trở lên (nợ kéo dài)',
  CLOSED: 'Đơn vị giải thể, phá sản, tạm ngừng, không tìm thấy',
};
/** Where the bands of months owed start: 3, 6 and 12 months (under 3 is the first band). */
export const BAND_STARTS = { FROM_3_TO_6: 3, FROM_6_TO_12: 6, FROM_12: 12 } as const;

/** The same bands in a tag's few words (tables, filters); the closed group named as the statuses are. */
export const ARREARS_BAND_SHORT: Record<ArrearsBand, string> = {
  UNDER_3: 'Dưới 3 tháng',
  FROM_3_TO_6: '3 đến dưới 6 tháng',
  FROM_6_TO_12: '6 đến dưới 12 tháng',
  FROM_12: 'Từ 12 tháng trở lên',
  CLOSED: 'Giải thể, tạm ngừng, không tìm thấy',
};
/** The months bands alone (without the closed group), as a report's table by months owed reads them. */
export const MONTH_BANDS = ['UNDER_3', 'FROM_3_TO_6', 'FROM_6_TO_12', 'FROM_12'] as const satisfies readonly ArrearsBand[];

export const ARREARS_ACTION_KINDS = ['REMINDER_LETTER', 'PHONE', 'MEETING', 'INSPECTION', 'LABOUR_INSPECTORATE', 'POLICE', 'OTHER'] as const;
export type ArrearsActionKind = (typeof ARREARS_ACTION_KINDS)[number];
export const ARREARS_ACTION_LABELS: Record<ArrearsActionKind, string> = {
  REMINDER_LETTER: 'Công văn đôn đốc',
  PHONE: 'Gọi điện nhắc nợ',
  MEETING: 'Làm việc trực tiếp',
  INSPECTION: 'Thanh tra, kiểm tra',
  LABOUR_INSPECTORATE: 'Chuyển thanh tra lao động',
  POLICE: 'Chuyển cơ quan công an',
  OTHER: 'Khác',
};

export const PROMISE_STATUSES = ['PENDING', 'KEPT', 'BROKEN'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];
export const PROMISE_STATUS_LABELS: Record<PromiseStatus, string> = {
  PENDING: 'Đang chờ',
  KEPT: 'Đã thực hiện',
  BROKEN: 'Không thực hiện',
};

/** Mã số thuế: 10 digits, or 13 for a branch written 10 digits-3 digits. */
export const TAX_CODE_PATTERN = /^[0-9]{10}(-[0-9]{3})?$/;
export const TAX_CODE_MESSAGE = 'Mã số thuế gồm 10 chữ số (hoặc 13 với chi nhánh: 10 chữ số-3 chữ số)';
/** Mã đơn vị: letters, digits, dot, dash, underscore; at most 30. */
export const EMPLOYER_CODE_PATTERN = /^[0-9A-Za-z._-]{1,30}$/;
export const EMPLOYER_CODE_MESSAGE = 'Mã đơn vị chỉ gồm chữ số, chữ cái, dấu chấm, gạch; tối đa 30 ký tự';

/** Daily rate on late amounts from 01/07/2025 (Luật BHXH 2024): 0,03% a day. */
export const LATE_INTEREST_FROM = '2025-07-01';
export const LATE_INTEREST_DAILY_PERCENT = 0.03;

const KIND_ALIASES: [string, EmployerKind][] = (
  [
    ['cong ty co phan', 'ENTERPRISE'], ['cong ty tnhh', 'ENTERPRISE'], ['cong ty', 'ENTERPRISE'], ['ct', 'ENTERPRISE'], ['cty', 'ENTERPRISE'], ['dntn', 'ENTERPRISE'], ['doanh nghiep', 'ENTERPRISE'], ['doanh nghiep tu nhan', 'ENTERPRISE'], ['dn', 'ENTERPRISE'],
    ['fdi', 'FDI'], ['von nuoc ngoai', 'FDI'], ['co von dau tu nuoc ngoai', 'FDI'], ['100 von nuoc ngoai', 'FDI'],
    ['ho kinh doanh', 'HOUSEHOLD'], ['hkd', 'HOUSEHOLD'], ['ho kd', 'HOUSEHOLD'],
    ['hop tac xa', 'COOPERATIVE'], ['htx', 'COOPERATIVE'],
    ['hanh chinh su nghiep', 'STATE'], ['co quan nha nuoc', 'STATE'], ['nha nuoc', 'STATE'], ['don vi su nghiep', 'STATE'], ['ubnd', 'STATE'], ['truong', 'STATE'], ['tram y te', 'STATE'], ['hcsn', 'STATE'],
    ['to chuc xa hoi', 'NGO'], ['phi chinh phu', 'NGO'], ['hoi', 'NGO'], ['ngo', 'NGO'],
    ['khac', 'OTHER'],
  ] as [string, EmployerKind][]
).sort((a, b) => b[0].length - a[0].length);

/** The kind a typed kind or employer name suggests ("HTX Tôm lúa" → cooperative), or null. */
export function employerKindOf(text: string): EmployerKind | null {
  const upper = text.trim().toUpperCase();
  if ((EMPLOYER_KINDS as readonly string[]).includes(upper)) return upper as EmployerKind;
  const key = foldText(text);
  if (!key) return null;
  for (const [alias, kind] of KIND_ALIASES) if (key === alias || key.startsWith(alias + ' ')) return kind;
  for (const [alias, kind] of KIND_ALIASES) if (alias.length > 3 && ` ${key} `.includes(` ${alias} `)) return kind;
  return null;
}

const STATUS_ALIASES: [string, EmployerStatus][] = [
  ['giai the', 'DISSOLVED'], ['pha san', 'DISSOLVED'], ['tam ngung', 'SUSPENDED'], ['ngung hoat dong', 'SUSPENDED'], ['tam dung', 'SUSPENDED'],
  ['khong tim thay', 'MISSING'], ['bo tron', 'MISSING'], ['mat tich', 'MISSING'], ['khong lien lac', 'MISSING'], ['dang hoat dong', 'ACTIVE'], ['hoat dong', 'ACTIVE'],
];

/** The status a typed note or status names ("Đã giải thể" → dissolved), or null. */
export function employerStatusOf(text: string): EmployerStatus | null {
  const upper = text.trim().toUpperCase();
  if ((EMPLOYER_STATUSES as readonly string[]).includes(upper)) return upper as EmployerStatus;
  const key = foldText(text);
  if (!key) return null;
  for (const [alias, status] of STATUS_ALIASES) if (` ${key} `.includes(` ${alias} `)) return status;
  return null;
}

/**
 * The words of a reminder letter (công văn đôn đốc) an office can rewrite: each line a paragraph,
 * `{field}` replaced by the employer's figures, and the line `{bang_so_lieu}` alone where the
 * table of months goes. Stored per database; this is the text it starts with.
 */
export const REMINDER_FIELDS = {
  ten_don_vi: 'Tên đơn vị',
  ma_don_vi: 'Mã đơn vị',
  ma_so_thue: 'Mã số thuế (để trống nếu chưa có)',
  dia_chi: 'Địa chỉ đơn vị (để trống nếu chưa có)',
  co_quan: 'Cơ quan BHXH quản lý đơn vị',
  thang: 'Tháng số liệu (mm/yyyy)',
  so_tien_no: 'Số tiền còn nợ',
  so_thang_no: 'Số tháng chậm đóng',
  nhom_no: 'Nhóm nợ theo thời gian',
  tien_lai: 'Tiền lãi chậm đóng đã tính',
  lai_uoc_tinh: 'Tiền lãi 0,03%/ngày ước tính đến ngày lập',
  ngay_lap: 'Ngày lập công văn (dd/mm/yyyy)',
  bang_so_lieu: 'Bảng số liệu các tháng (một dòng riêng)',
} as const;
export type ReminderField = keyof typeof REMINDER_FIELDS;
export const REMINDER_TABLE_LINE = '{bang_so_lieu}';

export const DEFAULT_REMINDER_TEMPLATE = [
  'Kính gửi: {ten_don_vi}.',
  'Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15, Luật Bảo hiểm y tế, Luật Việc làm và các văn bản hướng dẫn; căn cứ số liệu quản lý thu đến hết tháng {thang}, {co_quan} thông báo đơn vị {ten_don_vi} (mã đơn vị {ma_don_vi}) còn chậm đóng BHXH, BHYT, BHTN như sau:',
  REMINDER_TABLE_LINE,
  'Tổng số tiền còn nợ đến hết tháng {thang}: {so_tien_no} ({so_thang_no} tháng, thuộc nhóm "{nhom_no}"); tiền lãi chậm đóng đã tính: {tien_lai}.',
  'Từ ngày 01/07/2025, số tiền chậm đóng phải nộp thêm số tiền bằng 0,03%/ngày tính trên số tiền và số ngày chậm đóng (ước tính đến ngày {ngay_lap}: {lai_uoc_tinh}); hành vi chậm đóng, trốn đóng bị xử phạt vi phạm hành chính và có thể bị chuyển cơ quan có thẩm quyền xem xét xử lý theo quy định.',
  'Đề nghị đơn vị khẩn trương nộp đủ số tiền còn nợ vào tài khoản thu của cơ quan Bảo hiểm xã hội trong thời hạn 15 ngày kể từ ngày nhận được công văn này, để bảo đảm quyền lợi của người lao động. Trường hợp đơn vị gặp khó khăn, đề nghị liên hệ {co_quan} để thống nhất lộ trình nộp.',
].join('\n');
