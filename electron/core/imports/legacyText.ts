import { vniSignals, vniToUnicode } from './vniText';

/**
 * TCVN3 (ABC) text stored in single-byte fonts (.VnTime; .VnTimeH keeps capitals in the
 * lower-case codes). Each code point below maps to the Unicode letter it draws.
 */
const TCVN3: Record<string, string> = {
  '¸': 'á', 'µ': 'à', '¶': 'ả', '·': 'ã', '¹': 'ạ', '¨': 'ă', '¾': 'ắ', '»': 'ằ', '¼': 'ẳ', '½': 'ẵ', 'Æ': 'ặ',
  '©': 'â', 'Ê': 'ấ', 'Ç': 'ầ', 'È': 'ẩ', 'É': 'ẫ', 'Ë': 'ậ', '®': 'đ', 'Ð': 'é', 'Ì': 'è', 'Î': 'ẻ', 'Ï': 'ẽ', 'Ñ': 'ẹ',
  'ª': 'ê', 'Õ': 'ế', 'Ò': 'ề', 'Ó': 'ể', 'Ô': 'ễ', 'Ö': 'ệ', 'Ý': 'í', '×': 'ì', 'Ø': 'ỉ', 'Ü': 'ĩ', 'Þ': 'ị',
  'ã': 'ó', 'ß': 'ò', 'á': 'ỏ', 'â': 'õ', 'ä': 'ọ', '«': 'ô', 'è': 'ố', 'å': 'ồ', 'æ': 'ổ', 'ç': 'ỗ', 'é': 'ộ',
  '¬': 'ơ', 'í': 'ớ', 'ê': 'ờ', 'ë': 'ở', 'ì': 'ỡ', 'î': 'ợ', 'ó': 'ú', 'ï': 'ù', 'ñ': 'ủ', 'ò': 'ũ', 'ô': 'ụ',
  '­': 'ư', 'ø': 'ứ', 'õ': 'ừ', 'ö': 'ử', '÷': 'ữ', 'ù': 'ự', 'ý': 'ý', 'ú': 'ỳ', 'û': 'ỷ', 'ü': 'ỹ', 'þ': 'ỵ',
  '¡': 'Ă', '¢': 'Â', '§': 'Đ', '£': 'Ê', '¤': 'Ô', '¥': 'Ơ', '¦': 'Ư',
};

// Codes that never occur in Unicode Vietnamese (á, ã, ó, ê … do, so they prove nothing).
const TCVN3_ONLY = new Set([...'¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖ×ØÜÞßä«åæç¬îïñö÷øûüþ­¡¢§£¤¥¦']);

/**
 * Does this text look like TCVN3 read as Latin-1? Vietnamese in Unicode never uses these
 * symbols; TCVN3 text is full of them ("b¶o hiÓm x· héi").
 */
export function looksLikeTcvn3(samples: string[]): boolean {
  let legacy = 0;
  let vietnameseUnicode = 0;
  for (const text of samples) {
    for (const ch of text) {
      if (TCVN3_ONLY.has(ch)) legacy++;
      else if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(ch)) vietnameseUnicode++;
    }
  }
  return legacy >= 5 && legacy > vietnameseUnicode * 2;
}

/**
 * Which legacy font encoding text read from a sheet is in, if any. VNI uses only bytes from
 * 0xC0 up, TCVN3 mostly 0xA1–0xBF (ă â ê ô ơ ư đ and the tones of a), and neither has letters
 * beyond Latin-1, so counting each kind tells them apart. The workbook's font names (SheetJS
 * exposes the font table of .xlsx, not which cell uses which font) lower the bar when they
 * agree: a file set in VNI-Times with only a few accented words is still recognised.
 */
export function detectLegacyEncoding(samples: string[], fonts: string[] = []): 'tcvn3' | 'vni' | null {
  const text = samples.join('\n');
  const unicode = text.match(/[\u0100-\u1eff]/g)?.length ?? 0;
  const tcvnLow = [...text].filter((ch) => ch >= '\u00a1' && ch <= '\u00bf' && TCVN3_ONLY.has(ch)).length;
  const vni = vniSignals(text);
  const vniFont = fonts.some((f) => /^vni[- ]/i.test(f.trim()));
  const tcvnFont = fonts.some((f) => /^\.vn/i.test(f.trim()));
  if (vni >= (vniFont ? 1 : 5) && vni > tcvnLow * 2 && vni > unicode * 2) return 'vni';
  if (looksLikeTcvn3(samples) || (tcvnFont && tcvnLow >= 1 && tcvnLow > unicode * 2)) return 'tcvn3';
  return null;
}

/** TCVN3 → Unicode NFC. Titles typed in .VnTimeH come out lower-case; they are upper-cased where the whole cell is a heading. */
export function tcvn3ToUnicode(text: string): string {
  // Beyond Latin-1 it is already Unicode (a cell retyped in a newer font).
  if (/[\u0100-\uffff]/.test(text)) return text;
  let out = '';
  for (const ch of text) out += TCVN3[ch] ?? ch;
  return out.normalize('NFC');
}

/**
 * .VnTimeH draws capitals from lower-case codes, so a converted heading ("bảo hiểm xã hội
 * huyện hồng dân", "stt") arrives all lower-case: headings and titles are upper-cased back.
 */
export function restoreHeadingCase(text: string): string {
  return /\p{Ll}/u.test(text) && !/\p{Lu}/u.test(text) ? text.toLocaleUpperCase('vi') : text;
}

export type LegacyEncoding = 'tcvn3' | 'vni';

/** The converter of each legacy encoding. */
export const TO_UNICODE: Record<LegacyEncoding, (text: string) => string> = { tcvn3: tcvn3ToUnicode, vni: vniToUnicode };

/** What an import tells the clerk when it converted a legacy font. */
export const LEGACY_WARNINGS: Record<LegacyEncoding, string> = {
  tcvn3: 'Tệp dùng phông chữ cũ TCVN3 (.VnTime); nội dung đã được chuyển sang Unicode.',
  vni: 'Tệp dùng phông chữ cũ VNI (VNI-Times); nội dung đã được chuyển sang Unicode.',
};
