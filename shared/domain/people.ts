/**
 * Person lists for canvassing (DOMAIN.md, "Person lists"): prospects and voluntary participants
 * whose payment is due. Codes are stored; labels are what users read; aliases are the words
 * offices type in their lists ("Đã liên hệ", "hẹn lại", "12 tháng", "Nữ").
 */
import { foldText } from '../text/fold';

export const PERSON_LIST_KINDS = ['PROSPECT', 'DUE'] as const;
export type PersonListKind = (typeof PERSON_LIST_KINDS)[number];
export const PERSON_LIST_KIND_LABELS: Record<PersonListKind, string> = {
  PROSPECT: 'Danh sách người có khả năng tham gia',
  DUE: 'Danh sách người đến hạn đóng',
};
export const PERSON_LIST_KIND_SHORT: Record<PersonListKind, string> = { PROSPECT: 'Tiềm năng', DUE: 'Đến hạn đóng' };

/** Canvassing status, in the order a person moves through them. */
export const PERSON_STATUSES = ['NEW', 'CONTACTED', 'CALLBACK', 'AGREED', 'JOINED', 'REFUSED', 'UNREACHABLE'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
export const PERSON_STATUS_LABELS: Record<PersonStatus, string> = {
  NEW: 'Chưa liên hệ',
  CONTACTED: 'Đã liên hệ',
  CALLBACK: 'Hẹn lại',
  AGREED: 'Đồng ý',
  JOINED: 'Đã tham gia',
  REFUSED: 'Từ chối',
  UNREACHABLE: 'Không liên lạc được',
};
/** Statuses that end canvassing: the person is no longer on call sheets. */
export const CLOSED_STATUSES: ReadonlySet<PersonStatus> = new Set(['JOINED', 'REFUSED']);

const STATUS_ALIASES: [string, PersonStatus][] = (
  [
    ['chua lien he', 'NEW'], ['chua', 'NEW'], ['moi', 'NEW'],
    ['da lien he', 'CONTACTED'], ['lien he', 'CONTACTED'], ['da gap', 'CONTACTED'], ['da goi', 'CONTACTED'],
    ['hen lai', 'CALLBACK'], ['hen', 'CALLBACK'],
    ['dong y', 'AGREED'], ['dong y tham gia', 'AGREED'],
    ['da tham gia', 'JOINED'], ['tham gia', 'JOINED'], ['da dong', 'JOINED'], ['da nop', 'JOINED'],
    ['tu choi', 'REFUSED'], ['khong tham gia', 'REFUSED'], ['khong dong y', 'REFUSED'],
    ['khong lien lac duoc', 'UNREACHABLE'], ['khong lien lac', 'UNREACHABLE'], ['khong gap', 'UNREACHABLE'], ['thue bao', 'UNREACHABLE'],
  ] as [string, PersonStatus][]
).sort((a, b) => b[0].length - a[0].length);

/** The status a typed word names ("Đã liên hệ", "hẹn lại", "JOINED"), else null. */
export function personStatusOf(text: string): PersonStatus | null {
  const upper = text.trim().toUpperCase();
  if ((PERSON_STATUSES as readonly string[]).includes(upper)) return upper as PersonStatus;
  const key = foldText(text);
  if (!key) return null;
  for (const [alias, status] of STATUS_ALIASES) if (key === alias) return status;
  for (const [alias, status] of STATUS_ALIASES) if (alias.length > 4 && key.startsWith(alias)) return status;
  return null;
}

/** Months paid at a time (Luật BHXH 2024: monthly, 3, 6 or 12 months; BHYT HGĐ pays 3, 6 or 12). */
export const PAYMENT_MODES = [1, 3, 6, 12] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];
export const PAYMENT_MODE_LABELS: Record<PaymentMode, string> = { 1: 'Hằng tháng', 3: '3 tháng', 6: '6 tháng', 12: '12 tháng' };

/** "Hằng tháng", "hàng tháng", "03 tháng", "6", "1 năm", "năm" → months; null when unreadable. */
export function paymentModeOf(text: string | number): PaymentMode | null {
  if (typeof text === 'number') return (PAYMENT_MODES as readonly number[]).includes(text) ? (text as PaymentMode) : null;
  const key = foldText(text);
  if (!key) return null;
  if (['thang', 'hang thang', 'moi thang', 'theo thang', '1 thang', '01 thang'].includes(key)) return 1;
  if (key === 'nam' || key === '1 nam' || key === 'hang nam' || key === 'ca nam') return 12;
  if (key === 'quy' || key === 'hang quy') return 3;
  if (key === 'nua nam' || key === '6 thang mot lan') return 6;
  const m = /^0?(\d{1,2})( thang)?( mot lan)?$/.exec(key);
  if (m) {
    const n = Number(m[1]);
    return (PAYMENT_MODES as readonly number[]).includes(n) ? (n as PaymentMode) : null;
  }
  return null;
}

export const PERSON_PRODUCTS = ['BHXH_TN', 'BHYT_HGD'] as const;
export type PersonProduct = (typeof PERSON_PRODUCTS)[number];
export const PERSON_PRODUCT_LABELS: Record<PersonProduct, string> = { BHXH_TN: 'BHXH tự nguyện', BHYT_HGD: 'BHYT hộ gia đình' };

/** "BHXH TN", "bhxh tự nguyện", "BHYT", "BHYT HGĐ", "hộ gia đình" → product; null when unreadable. */
export function personProductOf(text: string): PersonProduct | null {
  const key = foldText(text).replace(/\s+/g, ' ');
  if (!key) return null;
  if (key === 'bhxh tn' || key.startsWith('bhxh') || key.includes('tu nguyen') || key === 'bhxh_tn') return 'BHXH_TN';
  if (key.startsWith('bhyt') || key.includes('ho gia dinh') || key === 'hgd') return 'BHYT_HGD';
  return null;
}

export type Sex = 'M' | 'F';
/** "Nam", "nữ", "x" in a "Nữ" column is read by the import; here only the words. */
export function sexOf(text: string): Sex | null {
  const key = foldText(text);
  if (key === 'nam' || key === 'm' || key === 'male' || key === 'trai') return 'M';
  if (key === 'nu' || key === 'f' || key === 'female' || key === 'gai') return 'F';
  return null;
}
export const SEX_LABELS: Record<Sex, string> = { M: 'Nam', F: 'Nữ' };

export const CONTACT_CHANNELS = ['VISIT', 'PHONE', 'ZALO', 'MEETING', 'OTHER'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = {
  VISIT: 'Đến nhà',
  PHONE: 'Gọi điện',
  ZALO: 'Zalo, tin nhắn',
  MEETING: 'Gặp tại hội nghị, điểm thu',
  OTHER: 'Khác',
};

/**
 * The keys a person's name is searched on: the folded full name ("dang thi hoa") and the same
 * with the given name first ("hoa dang thi"), so typing the start of either finds them: staff
 * look people up by the name they are called by as often as by the full name.
 */
export function personNameKeys(fullName: string, foldWord?: (word: string) => string): { nameKey: string; givenKey: string } {
  // Folded word by word (an import passes a remembered fold: a million names, a few thousand words) or whole: the same key.
  const nameKey = foldWord ? fullName.split(/\s+/).map(foldWord).filter(Boolean).join(' ') : foldText(fullName);
  const words = nameKey.split(' ').filter(Boolean);
  const givenKey = words.length > 1 ? [words[words.length - 1], ...words.slice(0, -1)].join(' ') : nameKey;
  return { nameKey, givenKey };
}

/** The key a hamlet is filtered and assigned on ("Ấp Mới" = "ap moi"): every writer of people uses it, or filters miss rows. */
export function hamletKeyOf(hamlet: string | null | undefined): string | null {
  return hamlet ? foldText(hamlet) || null : null;
}

/** Fields of a person an import can fill, in the order of the call sheet. */
export const PERSON_FIELDS = [
  'fullName', 'birthDate', 'sex', 'cccd', 'bhxhCode', 'bhytCard', 'phone', 'commune', 'hamlet',
  'product', 'dueMonth', 'paymentMode', 'staff', 'status', 'note',
  // Many office forms put "Năm sinh" over two columns "Nam" | "Nữ": the year written under one of them gives the sex too.
  'birthDateMale', 'birthDateFemale',
  // One "Địa chỉ" column ("Ấp 3, xã Vĩnh Lộc, huyện Hồng Dân") where a list has no commune and hamlet columns.
  'address',
  // "Giới tính" over "Nam" | "Nữ": a mark (x) under one of them.
  'sexMale', 'sexFemale',
  // "Họ và tên đệm" | "Tên" (the given name in a column of its own, as school and civil-status lists keep it): joined into the full name.
  'givenName',
  // "Ngày sinh" over "Ngày" | "Tháng" | "Năm": the year column is the birth date, the day and month columns complete it.
  'birthDay', 'birthMonth',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  cccd: 'Số CCCD',
  bhxhCode: 'Mã số BHXH',
  bhytCard: 'Số thẻ BHYT',
  phone: 'Số điện thoại',
  commune: 'Xã, phường',
  hamlet: 'Thôn, ấp, khu phố',
  product: 'Loại hình',
  dueMonth: 'Tháng đến hạn',
  paymentMode: 'Phương thức đóng',
  staff: 'Nhân viên thu phụ trách',
  status: 'Tình trạng vận động',
  note: 'Ghi chú',
  birthDateMale: 'Ngày sinh (cột Nam)',
  birthDateFemale: 'Ngày sinh (cột Nữ)',
  address: 'Địa chỉ (thôn, xã)',
  sexMale: 'Giới tính (cột Nam, đánh dấu)',
  sexFemale: 'Giới tính (cột Nữ, đánh dấu)',
  givenName: 'Tên (cột riêng, sau họ và tên đệm)',
  birthDay: 'Ngày sinh (cột ngày)',
  birthMonth: 'Ngày sinh (cột tháng)',
};

/** Personal-data fields: masked on screen and in lists, revealed on request with an audit row. */
export const PERSONAL_FIELDS = ['cccd', 'bhxhCode', 'bhytCard', 'phone'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
