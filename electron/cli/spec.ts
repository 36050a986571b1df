/**
 * Every command and flag of the CLI, declared once: the parser, the per-command checks and the
 * usage text are all built from these tables.
 */

/** How a flag's value is read: dates and periods are checked and normalised before any command runs. */
export type FlagKind = 'boolean' | 'text' | 'date' | 'period' | 'year';

interface FlagSpec {
  kind: FlagKind;
  /** What the value looks like, in the usage text. */
  hint?: string;
  short?: string;
}

export const FLAGS = {
  'data-dir': { kind: 'text', hint: '<thư mục>' },
  database: { kind: 'text', hint: 'postgres://…' },
  json: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
  'valid-from': { kind: 'date', hint: 'dd/mm/yyyy' },
  'as-of': { kind: 'date', hint: 'dd/mm/yyyy' },
  'decision-date': { kind: 'date', hint: 'dd/mm/yyyy' },
  'dry-run': { kind: 'boolean' },
  'skip-error-rows': { kind: 'boolean' },
  revise: { kind: 'boolean' },
  query: { kind: 'text', hint: 'chữ' },
  period: { kind: 'period', hint: 'YYYY-MM' },
  year: { kind: 'year', hint: 'NĂM' },
  indicator: { kind: 'text', hint: 'MÃ' },
  unit: { kind: 'text', hint: 'MÃ' },
  value: { kind: 'text', hint: 'SỐ' },
  source: { kind: 'text', hint: 'NGUỒN' },
  'decision-no': { kind: 'text', hint: 'SỐ' },
  scope: { kind: 'text', hint: 'MÃ' },
  out: { kind: 'text', hint: 'tệp.pdf|tệp.xlsx' },
  sections: { kind: 'text', hint: 'headline,unitTable,…' },
  sort: { kind: 'text', hint: 'progress-desc|progress-asc|actual-desc|name|code' },
  'group-by': { kind: 'text', hint: 'unit|office' },
  office: { kind: 'text', hint: 'MÃ' },
  kind: { kind: 'text', hint: 'LOẠI' },
  agent: { kind: 'text', hint: 'MÃ' },
  by: { kind: 'text', hint: 'result|progress' },
  level: { kind: 'text', hint: 'unit|agent|staff' },
  list: { kind: 'text', hint: 'TÊN' },
  commune: { kind: 'text', hint: 'MÃ' },
  hamlet: { kind: 'text', hint: 'TÊN' },
  staff: { kind: 'text', hint: 'MÃ' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly FlagName[] = ['data-dir', 'database', 'json', 'help'];

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type ValueOf<K extends FlagKind> = K extends 'boolean' ? boolean : K extends 'year' ? number : string;

/** Parsed flags by camel-case name: dates as YYYY-MM-DD, periods as YYYY-MM, years as numbers. */
export type Flags = { -readonly [N in FlagName as Camel<N>]?: ValueOf<(typeof FLAGS)[N]['kind']> };

export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export interface CommandSpec {
  name: string;
  /** Positional arguments, each with the message shown when it is missing. */
  args?: { hint: string; missing: string }[];
  required?: FlagName[];
  optional?: FlagName[];
  /** A complete command line, quoted when a required flag is missing. */
  example?: string;
  /** What --period takes: a month YYYY-MM (default), or a span: YYYY, YYYY-Qn or YYYY-MM. */
  periodForm?: 'month' | 'span';
  summary: string[];
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'units import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- units import danh-muc.xlsx' }],
    optional: ['valid-from', 'dry-run'],
    summary: ['Nhập danh mục đơn vị hoặc bảng sáp nhập'],
  },
  { name: 'units list', optional: ['as-of', 'query'], summary: ['Liệt kê đơn vị hành chính'] },
  { name: 'offices list', optional: ['as-of', 'query'], summary: ['Liệt kê cơ quan BHXH cơ sở đang hoạt động (ngày --as-of, mặc định hôm nay)'] },
  {
    name: 'offices import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- offices import co-quan-bhxh.xlsx' }],
    optional: ['valid-from', 'dry-run'],
    summary: ['Nhập cơ quan BHXH cơ sở và các xã, phường trực thuộc', '(--valid-from: ngày bắt đầu cho các dòng không ghi "Từ ngày")'],
  },
  {
    name: 'agents import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- agents import dai-ly-thu.xlsx' }],
    optional: ['dry-run'],
    summary: ['Nhập danh sách tổ chức dịch vụ thu, điểm thu, nhân viên thu (có thể hoàn tác)'],
  },
  {
    name: 'staff results-import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- staff results-import ket-qua-thang-10.xlsx' }],
    optional: ['period', 'dry-run'],
    summary: ['Nhập kết quả tháng theo nhân viên thu (--period: tháng, mặc định theo tiêu đề)'],
  },
  { name: 'backup', summary: ['Sao lưu cơ sở dữ liệu ngay'] },
  { name: 'backups', summary: ['Liệt kê các bản sao lưu'] },
  {
    name: 'restore',
    args: [{ hint: '<tệp>', missing: 'Thiếu tên bản sao lưu. Xem danh sách: npm run cli -- backups' }],
    summary: ['Khôi phục từ bản sao lưu (tên hoặc đường dẫn)'],
  },
  { name: 'demo', summary: ['Nạp dữ liệu mẫu (tỉnh giả định)'] },
  {
    name: 'import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp báo cáo. Ví dụ: npm run cli -- import bao-cao-thang-9.xlsx' }],
    optional: ['period', 'dry-run', 'skip-error-rows'],
    summary: ['Nhập báo cáo Excel của BHXH cơ sở (xem trước, ghi, có thể hoàn tác;', '--skip-error-rows: ghi các dòng hợp lệ, bỏ qua dòng lỗi)'],
  },
  { name: 'imports list', summary: ['Lịch sử nhập'] },
  {
    name: 'imports undo',
    args: [{ hint: '<số>', missing: 'Thiếu số lần nhập. Xem danh sách: npm run cli -- imports list' }],
    summary: ['Hoàn tác một lần nhập'],
  },
  {
    name: 'results',
    required: ['period', 'indicator'],
    optional: ['unit', 'source'],
    example: 'npm run cli -- results --period 2026-09 --indicator BHXH_TN',
    summary: ['Tiến độ thực hiện của các đơn vị cấp dưới và tổng'],
  },
  {
    name: 'results set',
    required: ['unit', 'indicator', 'as-of', 'value'],
    example: 'npm run cli -- results set --unit 99500 --indicator BHXH_TN --as-of 25/09/2026 --value 1.759',
    summary: ['Ghi một số liệu (--value null để xóa)'],
  },
  {
    name: 'targets set',
    required: ['unit', 'indicator', 'year', 'value', 'source'],
    optional: ['decision-no', 'decision-date', 'revise'],
    example: 'npm run cli -- targets set --unit 99 --indicator BHXH_TN --year 2026 --value 25.000 --source BHXH_VN',
    summary: ['Giao chỉ tiêu (--revise: kế hoạch điều chỉnh, giữ kế hoạch gốc)', 'NGUỒN: GOV, BHXH_VN, UBND_TINH, BHXH_TINH, INTERNAL'],
  },
  {
    name: 'report',
    required: ['period', 'out'],
    optional: ['scope', 'sections', 'sort', 'group-by'],
    example: 'npm run cli -- report --period 2026-10 --out bao-cao.pdf',
    summary: ['Lập và lưu báo cáo Ban Chỉ đạo, ghi ra PDF hoặc Excel (MÃ: đơn vị hoặc BHXH cơ sở)'],
  },
  {
    name: 'agents list',
    optional: ['office', 'kind', 'query'],
    summary: ['Liệt kê tổ chức dịch vụ thu (đại lý thu); LOẠI: POST, COMMUNE, WOMEN, FARMERS,', 'VETERANS, YOUTH, VIETTEL, TEAM, OTHER hoặc tên loại ("Bưu điện")'],
  },
  { name: 'staff list', optional: ['agent', 'office', 'query'], summary: ['Liệt kê nhân viên thu (số CCCD, điện thoại đã che bớt)'] },
  {
    name: 'staff ranking',
    required: ['period'],
    optional: ['indicator', 'by', 'office'],
    example: 'npm run cli -- staff ranking --period 2026-10 --indicator NEW_TN',
    summary: ['Xếp hạng nhân viên thu theo kết quả tháng hoặc % chỉ tiêu năm;', 'MÃ: NEW_TN (mặc định), NEW_HGD, RENEW, LAPSE, AMOUNT_TN, AMOUNT_HGD'],
  },
  {
    name: 'network',
    required: ['period'],
    optional: ['office'],
    example: 'npm run cli -- network --period 2026-10',
    summary: ['Mạng lưới đại lý thu: số tổ chức, điểm thu, nhân viên theo loại; xã chưa có điểm thu', 'hoặc dưới 3 loại tổ chức; nhân viên không hoạt động; hợp đồng sắp hết hạn'],
  },
  {
    name: 'campaigns import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- campaigns import tuyen-truyen-2020.xlsx' }],
    optional: ['dry-run'],
    summary: ['Nhập danh sách hoạt động tuyên truyền (mỗi dòng một hoạt động hoặc một ngày; có thể hoàn tác)'],
  },
  {
    name: 'campaigns list',
    required: ['period'],
    optional: ['office', 'kind'],
    periodForm: 'span',
    example: 'npm run cli -- campaigns list --period 2026',
    summary: ['Hoạt động tuyên truyền trong kỳ (YYYY, YYYY-Qn hoặc YYYY-MM): người tham dự, đăng ký', 'và kế hoạch theo loại hình bảo hiểm, % kế hoạch, tỷ lệ chuyển đổi, chi phí một người'],
  },
  {
    name: 'emulation score',
    required: ['period'],
    optional: ['level', 'office'],
    periodForm: 'span',
    example: 'npm run cli -- emulation score --period 2026-Q3 --level unit',
    summary: ['Chấm điểm thi đua theo bộ tiêu chí đang áp dụng cho quý (YYYY-Qn) hoặc năm (YYYY);', '--level: unit (đơn vị, mặc định), agent (đại lý thu) hoặc staff (nhân viên thu)'],
  },
  {
    name: 'arrears import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- arrears import no-dong-hong-dan-2020-09.xlsx' }],
    optional: ['period', 'office', 'dry-run'],
    summary: ['Nhập danh sách đơn vị nợ đóng của một tháng (tháng và cơ quan đọc từ tiêu đề nếu không chọn):', 'số dòng đã đọc, đã nhập, bị từ chối, lỗi theo ô; có thể hoàn tác'],
  },
  {
    name: 'arrears summary',
    required: ['period'],
    optional: ['office'],
    example: 'npm run cli -- arrears summary --period 2026-10',
    summary: ['Nợ đóng đến hết tháng: tổng số tiền nợ, theo số tháng nợ, tỷ lệ nợ so với chỉ tiêu,', 'các đơn vị nợ nhiều nhất'],
  },
  {
    name: 'people import',
    args: [{ hint: '<tệp>', missing: 'Thiếu đường dẫn tệp cần nhập. Ví dụ: npm run cli -- people import danh-sach-xa-an-binh.xlsx --list "Tiềm năng xã An Bình"' }],
    optional: ['list', 'dry-run'],
    summary: ['Nhập danh sách người vận động (tiềm năng, đến hạn đóng): số dòng đã đọc, đã nhập, bị từ chối,', 'trùng với danh sách khác; --list: tên danh sách (mặc định: tên tệp); có thể hoàn tác'],
  },
  {
    name: 'people search',
    args: [{ hint: '<chữ>', missing: 'Thiếu nội dung cần tìm. Ví dụ: npm run cli -- people search "dang thi hoa"' }],
    optional: ['commune', 'list'],
    summary: ['Tìm người trong các danh sách theo tên (không dấu), số CCCD, mã số BHXH hoặc điện thoại (đã che bớt)'],
  },
  {
    name: 'people assign',
    required: ['commune', 'staff'],
    optional: ['hamlet', 'list'],
    example: 'npm run cli -- people assign --commune 31234 --hamlet "Ấp 3" --staff NV001',
    summary: ['Giao những người của một xã (hoặc một ấp) cho nhân viên thu; nhiều mã cách nhau bằng dấu phẩy', 'thì chia đều'],
  },
  {
    name: 'people export',
    required: ['staff', 'out'],
    optional: ['list'],
    example: 'npm run cli -- people export --staff NV001 --out phieu-goi-NV001.xlsx',
    summary: ['Xuất phiếu gọi của một nhân viên thu (nhóm theo ấp) ra Excel; tệp có dữ liệu cá nhân, được ghi nhật ký'],
  },
  { name: 'people lists', summary: ['Các danh sách người vận động: số người, đã giao, đã liên hệ, đã tham gia, hạn lưu giữ'] },
  {
    name: 'people delete-list',
    args: [{ hint: '<tên>', missing: 'Thiếu tên danh sách cần xóa. Ví dụ: npm run cli -- people delete-list "Tiềm năng xã An Bình"' }],
    summary: ['Xóa hẳn một danh sách cùng mọi người và nhật ký liên hệ trong đó (thu gọn tệp dữ liệu)'],
  },
];

/** The command a command line names: two words first ("results set"), then one ("results"). */
export function findCommand(positionals: string[]): { spec: CommandSpec; rest: string[] } | null {
  const [first, second] = positionals;
  const two = second !== undefined ? COMMANDS.find((c) => c.name === `${first} ${second}`) : undefined;
  if (two) return { spec: two, rest: positionals.slice(2) };
  const one = COMMANDS.find((c) => c.name === first);
  return one ? { spec: one, rest: positionals.slice(1) } : null;
}

export function flagHint(name: FlagName): string {
  const spec: FlagSpec = FLAGS[name];
  return spec.kind === 'boolean' ? `--${name}` : `--${name} ${spec.hint}`;
}

function synopsis(c: CommandSpec): string {
  return [
    c.name,
    ...(c.args ?? []).map((a) => a.hint),
    ...(c.required ?? []).map(flagHint),
    ...(c.optional ?? []).map((f) => `[${flagHint(f)}]`),
  ].join(' ');
}

const SUMMARY_COLUMN = 60;

function commandLines(c: CommandSpec): string[] {
  const head = `  ${synopsis(c)}`;
  const indent = ' '.repeat(SUMMARY_COLUMN);
  const [first, ...more] = c.summary;
  const lines = head.length <= SUMMARY_COLUMN - 2 ? [head.padEnd(SUMMARY_COLUMN) + first] : [head, indent + first];
  return [...lines, ...more.map((s) => indent + s)];
}

const GLOBAL_HELP = `Tùy chọn chung:
  --data-dir <thư mục>   Thư mục dữ liệu (mặc định: thư mục dữ liệu của ứng dụng)
  --database <địa chỉ>   Cơ sở dữ liệu dùng chung trên máy chủ PostgreSQL, dạng postgres://người-dùng@máy-chủ:cổng/tên-csdl
                         (hoặc biến môi trường BHXH_DATABASE_URL, hoặc kết nối đã lưu trên màn hình trong
                         connection.json của thư mục dữ liệu); không có: tệp SQLite trong thư mục dữ liệu
  --json                 In kết quả dạng JSON cho chương trình khác đọc
  --help                 In hướng dẫn này`;

export const USAGE = `Cách dùng: npm run cli -- <lệnh> [tùy chọn]

Lệnh:
${COMMANDS.flatMap(commandLines).join('\n')}

${GLOBAL_HELP}`;

/** The usage of one command, shown under a mistake in that command's line. */
export function usageOf(c: CommandSpec): string {
  return `Cách dùng: npm run cli -- ${synopsis(c)}\n  ${c.summary.join('\n  ')}\n\n${GLOBAL_HELP}\n\nTất cả các lệnh: npm run cli -- --help`;
}
