import { indicatorByCode } from '../../../shared/domain/indicators';
import { foldText } from '../../../shared/text/fold';

/** Kinds of export with the (Vietnamese) words their file names start with. */
export const EXPORT_KINDS = {
  progress: 'Tiến độ',
  targets: 'Kế hoạch',
  results: 'Kết quả',
  coverage: 'Bao phủ',
  units: 'Danh mục đơn vị',
} as const;

export type ExportKind = keyof typeof EXPORT_KINDS;

const MAX_LENGTH = 120;

/**
 * An indicator code (BHXH_TN) becomes its Vietnamese short name: file names are read by people.
 * Abbreviations such as BHXH or III and unit codes such as 94 stay as they are; everything else
 * is folded to lower-case ASCII.
 */
function slug(part: string): string {
  return (indicatorByCode(part)?.shortName ?? part)
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}_]+/u)
    .filter(Boolean)
    .map((word) => (/^[A-Z0-9_]+$/.test(word) ? word : foldText(word).replace(/ /g, '-')))
    .filter(Boolean)
    .join('-');
}

/**
 * A file name safe on Windows, macOS and Linux, readable without diacritics:
 * exportFileName('progress', ['BHXH_TN', '2026-11']) → "tien-do-BHXH-tu-nguyen-2026-11.xlsx".
 * `kind` may also be free text ("Danh sách gọi" → "danh-sach-goi").
 */
export function exportFileName(
  kind: ExportKind | (string & {}),
  parts: readonly (string | number | null | undefined)[] = [],
  extension = 'xlsx',
): string {
  const head = kind in EXPORT_KINDS ? EXPORT_KINDS[kind as ExportKind] : kind;
  const base = [head, ...parts]
    .filter((p): p is string | number => p !== null && p !== undefined)
    .map((p) => slug(String(p)))
    .filter(Boolean)
    .join('-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  const ext = foldText(extension).replace(/ /g, '') || 'xlsx';
  const trimmed = (base || 'bhxh-desk').slice(0, MAX_LENGTH).replace(/-+$/, '');
  return `${trimmed}.${ext}`;
}
