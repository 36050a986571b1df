import type { FlowMeasure } from '../../../shared/domain/network';
import type { NetworkListKind } from '../../../shared/contract';

/**
 * The words offices put over the columns of their network lists, folded (no diacritics, lower
 * case): one table per list. A sheet's list is told by the columns it has.
 */
export type AgentField =
  | 'code' | 'name' | 'kind' | 'product' | 'contractNo' | 'signedOn' | 'expiresOn' | 'communes' | 'office' | 'status' | 'address' | 'phone' | 'representative' | 'note';
export type PointField = 'code' | 'name' | 'agent' | 'address' | 'commune' | 'openedOn' | 'closedOn' | 'signage' | 'note';
export type StaffField =
  | 'code' | 'fullName' | 'birthYear' | 'birthDate' | 'sex' | 'cccd' | 'phone' | 'agent' | 'communes' | 'cardNo' | 'cardDate' | 'trainingDate' | 'role' | 'status'
  | 'joinedOn' | 'leftOn' | 'note';
export type ResultField = 'code' | 'fullName' | 'cccd' | 'agent' | FlowMeasure;

function table<F extends string>(entries: Record<F, string[]>): Map<string, F> {
  const out = new Map<string, F>();
  for (const [field, aliases] of Object.entries(entries) as [F, string[]][]) for (const a of aliases) out.set(a, field);
  return out;
}

export const AGENT_HEADERS = table<AgentField>({
  code: ['ma dl', 'ma dai ly', 'ma dai ly thu', 'ma to chuc', 'ma to chuc dich vu thu', 'ma tcdvt', 'ma don vi', 'ma dvt', 'ma'],
  name: ['ten to chuc dich vu thu', 'to chuc dich vu thu', 'ten dai ly', 'ten dai ly thu', 'dai ly thu', 'ten to chuc', 'ten tcdvt', 'ten don vi', 'dai ly', 'ten'],
  kind: ['loai', 'loai hinh', 'loai dai ly', 'loai to chuc', 'loai hinh to chuc', 'hinh thuc', 'phan loai'],
  product: ['san pham', 'linh vuc', 'loai hinh thu', 'nghiep vu', 'loai bao hiem', 'thu bhxh tn bhyt hgd'],
  contractNo: ['hd so', 'so hd', 'so hop dong', 'hop dong so', 'hop dong', 'hop dong so hd', 'hd so hd'],
  signedOn: ['ngay hd', 'ngay ky', 'ngay ky hd', 'ngay ky hop dong', 'ngay hop dong', 'hop dong ngay ky', 'hop dong ngay', 'hd ngay ky', 'hd ngay'],
  expiresOn: [
    'hieu luc den', 'hieu luc den ngay', 'ngay het han', 'het han', 'ngay het hieu luc', 'thoi han hd', 'thoi han hop dong', 'han hop dong', 'hop dong hieu luc den',
    'hop dong het han', 'hop dong ngay het han', 'hd hieu luc den', 'hd het han',
  ],
  communes: ['xa hoat dong', 'dia ban', 'dia ban hoat dong', 'xa phuong hoat dong', 'pham vi hoat dong', 'xa thi tran hoat dong', 'dia ban thu', 'xa phu trach', 'cac xa hoat dong'],
  office: ['co quan bhxh', 'bhxh ky', 'bhxh ky hd', 'co quan ky', 'co quan ky hd', 'don vi ky', 'bhxh co so', 'bhxh huyen', 'ma co quan', 'co quan bhxh ky'],
  status: ['trang thai', 'tinh trang'],
  address: ['dia chi', 'tru so', 'dia chi tru so'],
  phone: ['dien thoai', 'sdt', 'so dien thoai', 'dt'],
  representative: ['nguoi dai dien', 'dai dien', 'nguoi dung dau', 'thu truong'],
  note: ['ghi chu'],
});

export const POINT_HEADERS = table<PointField>({
  code: ['ma diem', 'ma diem thu', 'ma dt'],
  name: ['ten diem thu', 'diem thu', 'ten diem', 'ten diem thu bhxh bhyt'],
  agent: ['to chuc dich vu thu', 'dai ly', 'dai ly thu', 'ma dl', 'ma dai ly', 'thuoc dl', 'thuoc dai ly', 'ten dai ly', 'tcdvt', 'don vi quan ly', 'thuoc to chuc'],
  address: ['dia chi', 'dia diem'],
  commune: ['xa', 'xa phuong', 'xa thi tran', 'xa phuong thi tran', 'dia ban', 'ten xa', 'thuoc xa', 'ma xa'],
  openedOn: ['ngay mo', 'ngay hoat dong', 'ngay thanh lap', 'hoat dong tu', 'tu ngay', 'ngay bat dau'],
  closedOn: ['ngay dong', 'ngung hoat dong', 'ngay ngung', 'den ngay'],
  signage: ['bien hieu', 'co bien hieu', 'bang hieu', 'bien hieu diem thu'],
  note: ['ghi chu'],
});

export const STAFF_HEADERS = table<StaffField>({
  code: ['ma nv', 'ma nhan vien', 'ma ctv', 'ma so', 'ma nhan vien thu'],
  fullName: ['ho ten', 'ho va ten', 'ten nhan vien', 'ho ten nhan vien', 'ho va ten nhan vien', 'ho ten ctv', 'ten ctv', 'nhan vien thu'],
  birthYear: ['nam sinh'],
  birthDate: ['ngay sinh', 'ngay thang nam sinh'],
  sex: ['gioi tinh', 'gioi'],
  cccd: ['cccd', 'so cccd', 'so dinh danh', 'so dinh danh ca nhan', 'can cuoc', 'so can cuoc', 'cccd cmnd', 'so cccd cmnd', 'ma dinh danh', 'can cuoc cong dan', 'so can cuoc cong dan'],
  phone: ['sdt', 'dien thoai', 'so dien thoai', 'dt', 'so dt', 'dien thoai di dong'],
  agent: ['thuoc dl', 'thuoc dai ly', 'dai ly', 'dai ly thu', 'ma dl', 'ma dai ly', 'to chuc dich vu thu', 'thuoc to chuc', 'don vi'],
  communes: ['dia ban', 'dia ban phu trach', 'xa phu trach', 'xa', 'dia ban hoat dong', 'xa phuong phu trach'],
  cardNo: ['the nv so', 'so the', 'so the nv', 'the nhan vien so', 'so the nhan vien', 'ma the'],
  cardDate: ['ngay cap the', 'ngay cap', 'ngay cap the nv'],
  trainingDate: ['ngay tap huan', 'tap huan', 'ngay dao tao', 'ngay tap huan nghiep vu'],
  role: ['vai tro', 'chuc danh', 'chuc vu'],
  status: ['trang thai', 'tinh trang'],
  joinedOn: ['ngay vao', 'ngay bat dau', 'ngay tham gia', 'ngay vao lam'],
  leftOn: ['ngay nghi', 'ngay thoi viec', 'ngay nghi viec'],
  note: ['ghi chu'],
});

/**
 * A results column by its words rather than a list: money if it says "tiền", then renewals,
 * lapses, new participants; the product from "BHXH"/"TN" or "BHYT"/"HGĐ".
 */
export function measureOf(key: string): FlowMeasure | null {
  const words = ` ${key} `;
  const hgd = /\b(bhyt|hgd|ho gia dinh)\b/.test(key);
  const tn = /\b(bhxh|tn|tu nguyen)\b/.test(key);
  const product = hgd && !tn ? 'HGD' : tn && !hgd ? 'TN' : null;
  if (words.includes(' tien ')) return product === 'TN' ? 'AMOUNT_TN' : product === 'HGD' ? 'AMOUNT_HGD' : null;
  if (/\b(tai tuc|dong tiep)\b/.test(key)) return 'RENEW';
  if (/^(so nguoi )?(giam|ngung dong|giam ngung dong|bo dong)\b/.test(key)) return 'LAPSE';
  if (/\b(tang moi|phat trien moi|moi)\b/.test(key)) return product === 'TN' ? 'NEW_TN' : product === 'HGD' ? 'NEW_HGD' : null;
  return null;
}

const RESULT_IDS = new Map<string, ResultField>([
  ...[...STAFF_HEADERS].filter(([, f]) => f === 'code' || f === 'fullName' || f === 'cccd' || f === 'agent') as [string, ResultField][],
]);

export function classifyAgent(key: string): AgentField | null {
  return AGENT_HEADERS.get(key) ?? null;
}
export function classifyPoint(key: string): PointField | null {
  return POINT_HEADERS.get(key) ?? null;
}
export function classifyStaff(key: string): StaffField | null {
  return STAFF_HEADERS.get(key) ?? null;
}
export function classifyResult(key: string): ResultField | null {
  return RESULT_IDS.get(key) ?? measureOf(key);
}

const has = (c: object, ...fields: string[]) => fields.every((f) => (c as Record<string, unknown>)[f] !== undefined);

/** The list a header row makes, most specific first: results have figures, points a point name, staff a person's name. */
export const ACCEPT: Record<NetworkListKind | 'results', (c: Record<string, number | undefined>) => boolean> = {
  results: (c) => (has(c, 'code') || has(c, 'cccd') || has(c, 'fullName')) && ['NEW_TN', 'NEW_HGD', 'RENEW', 'LAPSE', 'AMOUNT_TN', 'AMOUNT_HGD'].some((m) => has(c, m)),
  points: (c) => has(c, 'name') && (has(c, 'agent') || has(c, 'commune') || has(c, 'address')),
  staff: (c) => has(c, 'fullName') && (has(c, 'agent') || has(c, 'cccd') || has(c, 'code')),
  agents: (c) => has(c, 'name', 'code'),
};

export const LIST_LABELS: Record<NetworkListKind, string> = { agents: 'tổ chức dịch vụ thu', points: 'điểm thu', staff: 'nhân viên thu' };

export const SHAPE_HINT =
  'Cần dòng tiêu đề cột của danh sách tổ chức dịch vụ thu ("Mã ĐL", "Tên tổ chức dịch vụ thu", "Loại", "HĐ số"…), điểm thu ("Tên điểm thu", "Tổ chức dịch vụ thu", "Xã"…) hoặc nhân viên thu ("Họ tên", "Năm sinh", "CCCD", "Mã NV", "Thuộc ĐL"…) trong 15 dòng đầu của trang tính.';
