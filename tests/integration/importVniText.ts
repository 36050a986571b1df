// Unicode → VNI for building VNI test files, written from how VNI typing works (base letter,
// then the shape mark, then the tone), independently of core's VNI → Unicode table.
const SHAPE_AND_TONE: Record<'circumflex' | 'breve', string[]> = {
  // no tone, sắc, huyền, hỏi, ngã, nặng
  circumflex: ['â', 'á', 'à', 'å', 'ã', 'ä'],
  breve: ['ê', 'é', 'è', 'ú', 'ü', 'ë'],
};
const TONE = ['', 'ù', 'ø', 'û', 'õ', 'ï'];
const I_TONE = ['i', 'í', 'ì', 'æ', 'ó', 'ò'];
const TONE_MARKS: Record<string, number> = { '\u0301': 1, '\u0300': 2, '\u0309': 3, '\u0303': 4, '\u0323': 5 };

function letterToVni(letter: string): string {
  if (letter === 'đ') return 'ñ';
  if (letter === 'Đ') return 'Ñ';
  const [base = '', ...marks] = [...letter.normalize('NFD')];
  const tone = marks.map((m) => TONE_MARKS[m] ?? 0).find((t) => t > 0) ?? 0;
  const upper = base !== base.toLowerCase();
  const cased = (s: string) => (upper ? s.toUpperCase() : s);
  const lower = base.toLowerCase();
  if (marks.includes('\u0302')) return base + cased(SHAPE_AND_TONE.circumflex[tone]!);
  if (marks.includes('\u0306')) return base + cased(SHAPE_AND_TONE.breve[tone]!);
  if (marks.includes('\u031b')) return cased(lower === 'o' ? 'ô' : 'ö') + cased(TONE[tone]!);
  if (lower === 'i' && tone) return cased(I_TONE[tone]!);
  if (lower === 'y' && tone === 5) return cased('î');
  return tone ? base + cased(TONE[tone]!) : letter;
}

export function unicodeToVni(text: string): string {
  return [...text.normalize('NFC')].map((ch) => (/[\u00c0-\u1ef9]/.test(ch) ? letterToVni(ch) : ch)).join('');
}
