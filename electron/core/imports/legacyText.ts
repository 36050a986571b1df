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

/** TCVN3 → Unicode NFC. Titles typed in .VnTimeH come out lower-case; they are upper-cased where the whole cell is a heading. */
export function tcvn3ToUnicode(text: string): string {
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
