/**
 * The words offices put over the columns of their arrears lists, folded (no diacritics, lower
 * case), and the loose rules for the many ways the money columns are worded ("Tiền nợ", "Số tiền
 * chậm đóng", "Tổng nợ BHXH, BHYT, BHTN", "Lãi chậm đóng").
 */
export type ArrearsField =
  | 'seq' | 'name' | 'code' | 'taxCode' | 'amount' | 'months' | 'interest' | 'due' | 'kind' | 'status' | 'commune' | 'address' | 'workers' | 'evasion' | 'note';

export const ARREARS_FIELD_LABELS: Record<ArrearsField, string> = {
  seq: 'số thứ tự',
  name: 'tên đơn vị',
  code: 'mã đơn vị',
  taxCode: 'mã số thuế',
  amount: 'số tiền nợ',
  months: 'số tháng chậm đóng',
  interest: 'tiền lãi chậm đóng',
  due: 'số phải đóng trong năm',
  kind: 'loại hình đơn vị',
  status: 'tình trạng',
  commune: 'xã, phường',
  address: 'địa chỉ',
  workers: 'số lao động',
  evasion: 'trốn đóng',
  note: 'ghi chú',
};

const WORDS: Record<ArrearsField, string[]> = {
  seq: ['tt', 'stt', 'so tt', 'so thu tu'],
  name: ['ten don vi', 'don vi', 'ten dv', 'ten doanh nghiep', 'doanh nghiep', 'ten don vi su dung lao dong', 'don vi su dung lao dong', 'ten dvsdld', 'ten to chuc', 'ten co quan don vi', 'ten'],
  code: ['ma dv', 'ma don vi', 'ma', 'ma dvi', 'ma so don vi', 'ma dv bhxh', 'ma don vi bhxh', 'ma so bhxh don vi'],
  taxCode: ['mst', 'ma so thue', 'ma thue', 'ma so doanh nghiep', 'ma dn'],
  amount: ['tien no', 'so tien no', 'so tien cham dong', 'tong no', 'so no', 'tong so tien no', 'so tien con no', 'so con no', 'no', 'so tien no bhxh bhyt bhtn', 'tong so no', 'so phai dong con no', 'tien cham dong', 'so tien', 'tong tien no'],
  months: ['so thang cham dong', 'so thang no', 'thang no', 'so thang', 'thoi gian no', 'so thang cham', 'thoi gian cham dong', 'so thang no dong'],
  interest: ['lai cham dong', 'tien lai', 'lai', 'tien lai cham dong', 'lai phat', 'tien lai cham nop', 'lai cham nop'],
  due: ['so phai dong', 'so phai thu', 'phai thu trong nam', 'phai dong trong nam', 'so phai thu nam', 'so phai dong trong nam', 'tong so phai thu', 'phai thu'],
  kind: ['loai hinh', 'loai hinh don vi', 'khoi', 'loai hinh doanh nghiep', 'khoi loai hinh', 'loai hinh dn'],
  status: ['tinh trang', 'trang thai', 'tinh trang hoat dong', 'tinh trang don vi'],
  commune: ['xa', 'dia ban', 'xa phuong', 'xa phuong thi tran', 'ma xa'],
  address: ['dia chi', 'tru so', 'dia chi tru so'],
  workers: ['so lao dong', 'so ld', 'lao dong', 'so nguoi', 'so lao dong tham gia'],
  evasion: ['tron dong', 'tron dong bhxh'],
  note: ['ghi chu', 'bien phap', 'bien phap da thuc hien', 'ghi chu bien phap'],
};

const TABLE = new Map<string, ArrearsField>();
for (const [field, aliases] of Object.entries(WORDS) as [ArrearsField, string[]][]) for (const a of aliases) TABLE.set(a, field);

/** The field of a folded header: the word list first, then the loose money and months rules. */
export function classifyArrears(key: string): ArrearsField | null {
  const exact = TABLE.get(key);
  if (exact) return exact;
  // A title line ("Danh sách đơn vị chậm đóng … đến hết tháng 9/2020") is not a column.
  if (key.length > 60 || /^(danh sach|bao cao|tong hop|bieu)\b/.test(key)) return null;
  const words = ` ${key} `;
  if (/ lai /.test(words) && !/ tien no /.test(words)) return 'interest';
  if (/ thang /.test(words) && / (no|cham dong|cham) /.test(words)) return 'months';
  if (/ phai (dong|thu|nop) /.test(words) && !/ con no /.test(words)) return 'due';
  if (/ (no|cham dong|con no|cham nop) /.test(words) && / (tien|so tien|tong) /.test(words)) return 'amount';
  if (/^ten (don vi|doanh nghiep|dv)/.test(key)) return 'name';
  if (/^ma (don vi|dv)/.test(key)) return 'code';
  return null;
}

export function acceptArrears(c: Partial<Record<ArrearsField, number>>): boolean {
  return c.name !== undefined && c.amount !== undefined && (c.code !== undefined || c.taxCode !== undefined);
}

export const ARREARS_SHAPE_HINT =
  'Cần dòng tiêu đề cột của danh sách đơn vị nợ ("Tên đơn vị", "Mã ĐV" hoặc "MST", "Tiền nợ", "Số tháng chậm đóng"…) trong 15 dòng đầu của trang tính.';
