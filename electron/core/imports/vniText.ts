/**
 * VNI (VNI-Times and the other VNI-* fonts): a Windows-1252 font encoding that draws a
 * Vietnamese letter as its base letter followed by a diacritic byte ("Baûo hieåm xaõ hoäi" =
 * "Bảo hiểm xã hội"); ơ, ư, đ and the tones of i and ỵ are single bytes. Each row below reads
 * base, sắc, huyền, hỏi, ngã, nặng.
 */
const ROWS: [unicode: string, vni: string[]][] = [
  ['aáàảãạ', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['âấầẩẫậ', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['ăắằẳẵặ', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['eéèẻẽẹ', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['êếềểễệ', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['oóòỏõọ', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ôốồổỗộ', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơớờởỡợ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['uúùủũụ', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ưứừửữự', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['iíìỉĩị', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['yýỳỷỹỵ', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
  ['đ', ['ñ']],
];

/** VNI sequence → Unicode letter; a capital base letter makes a capital whatever the mark's case. */
const VNI = new Map<string, string>();
for (const [unicode, codes] of ROWS) {
  [...unicode].forEach((letter, i) => {
    const code = codes[i]!;
    if (code === letter) return;
    const [base, mark = ''] = [...code];
    for (const m of new Set([mark, mark.toUpperCase()])) {
      VNI.set(base! + m, letter);
      VNI.set(base!.toUpperCase() + m, letter.toUpperCase());
    }
  });
}

/** Marks that never follow a vowel in Unicode Vietnamese (ó, à, ê … do, so they prove nothing). */
const VNI_ONLY_MARK = /[aeiouyôöAEIOUYÔÖ][øûïåäëüØÛÏÅÄËÜ]|[ñöÑÖ]/g;

/** Counts the signs of VNI in text read as Latin-1: marks after vowels no Unicode text has, đ as ñ, ư as ö. */
export function vniSignals(text: string): number {
  return text.match(VNI_ONLY_MARK)?.length ?? 0;
}

/** VNI → Unicode NFC. Text already holding letters beyond Latin-1 is Unicode and is left alone. */
export function vniToUnicode(text: string): string {
  if (/[\u0100-\uffff]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI.get(text.slice(i, i + 2));
    if (pair) {
      out += pair;
      i++;
    } else out += VNI.get(text[i]!) ?? text[i];
  }
  return out.normalize('NFC');
}
