import type { CampaignProduct } from '../../../shared/domain/campaigns';

/**
 * The words offices put over the columns of their campaign tables, folded (no diacritics, lower
 * case). Figures per product are told by their words rather than listed: "KH BHXH TN",
 * "Kế hoạch" over "BHYT HGĐ", "Số người tham gia BHXH TN", "Đăng ký BHYT hộ gia đình".
 */
export type CampaignField =
  | 'seq' | 'date' | 'from' | 'to' | 'name' | 'kind' | 'place' | 'office' | 'partner' | 'audience' | 'sessions' | 'attendees'
  | 'planTn' | 'planHgd' | 'signupTn' | 'signupHgd' | 'cost' | 'leaflets' | 'vehicles' | 'teams' | 'staff' | 'broadcasts' | 'posts' | 'reach' | 'notes';

/** What each field is called in messages and in the preview's column line. */
export const FIELD_LABELS: Record<CampaignField, string> = {
  seq: 'số thứ tự',
  date: 'ngày',
  from: 'từ ngày',
  to: 'đến ngày',
  name: 'tên hoạt động',
  kind: 'loại hình',
  place: 'địa điểm',
  office: 'đơn vị tổ chức',
  partner: 'đơn vị phối hợp',
  audience: 'đối tượng',
  sessions: 'số buổi',
  attendees: 'số người tham dự',
  planTn: 'kế hoạch BHXH TN',
  planHgd: 'kế hoạch BHYT HGĐ',
  signupTn: 'số người tham gia BHXH TN',
  signupHgd: 'số người tham gia BHYT HGĐ',
  cost: 'chi phí',
  leaflets: 'số tờ gấp',
  vehicles: 'số xe, phương tiện',
  teams: 'số tổ, đội',
  staff: 'số cán bộ',
  broadcasts: 'số lượt phát',
  posts: 'số bài đăng',
  reach: 'lượt tiếp cận',
  notes: 'ghi chú',
};

const WORDS: Record<Exclude<CampaignField, 'planTn' | 'planHgd' | 'signupTn' | 'signupHgd'>, string[]> = {
  seq: ['tt', 'stt', 'so tt', 'so thu tu'],
  date: ['ngay', 'ngay thang', 'ngay thuc hien', 'ngay to chuc', 'ngay dien ra', 'thoi gian', 'thoi gian to chuc', 'thoi gian thuc hien', 'ngay thang nam'],
  from: ['tu ngay', 'ngay bat dau', 'bat dau', 'thoi gian tu ngay', 'thoi gian bat dau', 'thoi gian tu', 'ngay thuc hien tu ngay'],
  to: ['den ngay', 'ngay ket thuc', 'ket thuc', 'thoi gian den ngay', 'thoi gian ket thuc', 'thoi gian den', 'ngay thuc hien den ngay'],
  name: ['noi dung', 'ten hoat dong', 'noi dung hoat dong', 'hoat dong', 'ten chuong trinh', 'noi dung tuyen truyen', 'ten hoi nghi', 'noi dung chuong trinh', 'ten', 'ten dot tuyen truyen', 'noi dung tuyen truyen van dong'],
  kind: ['loai hinh', 'hinh thuc', 'loai hinh tuyen truyen', 'hinh thuc tuyen truyen', 'loai', 'hinh thuc to chuc', 'loai hinh hoat dong', 'phan loai'],
  place: ['dia diem', 'xa', 'dia diem to chuc', 'xa phuong', 'xa thi tran', 'xa phuong thi tran', 'dia ban', 'noi to chuc', 'tai xa', 'dia diem xa'],
  office: ['don vi to chuc', 'bhxh co so', 'don vi thuc hien', 'co quan bhxh', 'bhxh huyen', 'don vi chu tri', 'co quan to chuc', 'don vi'],
  partner: ['phoi hop', 'don vi phoi hop', 'co quan phoi hop', 'to chuc phoi hop', 'phoi hop voi', 'don vi phoi hop to chuc'],
  audience: ['doi tuong', 'doi tuong tuyen truyen', 'doi tuong tham du', 'doi tuong van dong'],
  sessions: ['so buoi', 'so cuoc', 'so hoi nghi', 'so lan', 'so buoi to chuc', 'so cuoc to chuc', 'buoi'],
  attendees: ['nguoi tham du', 'so nguoi du', 'so nguoi tham du', 'tham du', 'so nguoi', 'nguoi du', 'so luot nguoi', 'so luot nguoi tham du', 'so nguoi du hoi nghi'],
  cost: ['chi phi', 'kinh phi', 'tong chi phi', 'tong kinh phi', 'chi phi dong', 'kinh phi dong', 'kinh phi thuc hien', 'so tien chi'],
  leaflets: ['to gap', 'so to gap', 'to roi', 'to gap to roi', 'so to roi', 'tai lieu', 'to gap phat ra'],
  vehicles: ['xe', 'so xe', 'phuong tien', 'xe phuong tien', 'xe tuyen truyen', 'so phuong tien', 'xe luu dong'],
  teams: ['to doi', 'so to doi', 'doi tuyen truyen', 'so doi', 'to tuyen truyen'],
  staff: ['can bo', 'so can bo', 'can bo tham gia', 'so can bo tham gia'],
  broadcasts: ['luot phat', 'so luot phat', 'luot phat thanh', 'so tin bai phat'],
  posts: ['bai dang', 'so bai dang', 'so bai', 'so tin bai'],
  reach: ['luot tiep can', 'luot xem', 'so luot xem', 'luot tiep can bai dang'],
  notes: ['ghi chu'],
};

const HEADERS = new Map<string, CampaignField>();
for (const [field, words] of Object.entries(WORDS) as [CampaignField, string[]][]) for (const w of words) HEADERS.set(w, field);

const PLAN = /^(kh|ke hoach|chi tieu|ct|so giao|giao)\b/;
const RESULT = /^(th|thuc hien|ket qua|kq|dang ky|tham gia|so nguoi tham gia|so nguoi dang ky|so nguoi dang ky tham gia|phat trien|so nguoi phat trien|van dong|van dong duoc|so nguoi van dong duoc|so nguoi moi|moi)\b/;
const REJECT = /\b(ty le|%|so tien|tien|so voi|dat)\b/;

/** The product a header names, if exactly one ("BHXH TN", "BHYT hộ gia đình"). */
function productOf(key: string): CampaignProduct | null {
  const tn = /\b(bhxh|tn|bhxhtn|tu nguyen)\b/.test(key);
  const hgd = /\b(bhyt|hgd|bhythgd|ho gia dinh)\b/.test(key);
  return tn && !hgd ? 'BHXH_TN' : hgd && !tn ? 'BHYT_HGD' : null;
}

/** The field a folded header names, or null. */
export function classifyCampaign(key: string): CampaignField | null {
  const known = HEADERS.get(key);
  if (known) return known;
  const product = productOf(key);
  if (!product || REJECT.test(key)) return null;
  if (PLAN.test(key)) return product === 'BHXH_TN' ? 'planTn' : 'planHgd';
  // "BHXH TN" alone (under "Kết quả", or a column of its own) counts the sign-ups.
  if (RESULT.test(key) || /^(bhxh|bhyt)\b/.test(key)) return product === 'BHXH_TN' ? 'signupTn' : 'signupHgd';
  return null;
}

/** A campaign table has a name and a date, and at least one more thing a campaign table has. */
export function acceptCampaign(c: Partial<Record<CampaignField, number>>): boolean {
  const has = (f: CampaignField) => c[f] !== undefined;
  return has('name') && (has('date') || has('from')) && (has('kind') || has('attendees') || has('signupTn') || has('signupHgd') || has('sessions') || has('place'));
}

export const CAMPAIGN_SHAPE_HINT =
  'Cần dòng tiêu đề cột của bảng tuyên truyền ("TT", "Ngày" hoặc "Từ ngày"/"Đến ngày", "Nội dung", "Loại hình", "Địa điểm", "Số người tham dự", "KH BHXH TN", "TH BHXH TN"…) trong 15 dòng đầu của trang tính.';
