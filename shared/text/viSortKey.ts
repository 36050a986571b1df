/**
 * Vietnamese dictionary order as a plain text key, so the database can sort a list page the way
 * Intl.Collator('vi') would sort it on screen: letters in the Vietnamese alphabet (a < ă < â,
 * d < đ, o < ô < ơ, u < ư), then tones (none, huyền, hỏi, ngã, sắc, nặng), then case. The key is
 * ASCII and compares byte by byte (SQLite's BINARY, a PostgreSQL column declared COLLATE "C").
 */

const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
// Digits first, then letters: one ASCII character each, in order, all above the separators.
const PRIMARY = new Map<string, string>([
  ...'0123456789'.split('').map((d, i) => [d, String.fromCharCode(0x30 + i)] as [string, string]),
  ...ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)] as [string, string]),
]);
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
const WORD = '!';
const LEVEL = ' ';

/** Splits NFD text into base letters (with ă, â, ê, ô, ơ, ư, đ kept as letters) and their tones. */
function letters(text: string): { base: string; tone: string; upper: boolean }[] {
  const out: { base: string; tone: string; upper: boolean }[] = [];
  const nfd = text.normalize('NFD');
  for (let i = 0; i < nfd.length; i++) {
    const ch = nfd[i]!;
    if (/[\u0300-\u036f]/.test(ch)) {
      const last = out[out.length - 1];
      if (!last) continue;
      if (ch in TONES) last.tone = TONES[ch]!;
      else if (ch === '\u0306' && last.base === 'a') last.base = 'ă';
      else if (ch === '\u0302' && 'aeo'.includes(last.base)) last.base = ({ a: 'â', e: 'ê', o: 'ô' } as Record<string, string>)[last.base]!;
      else if (ch === '\u031b' && 'ou'.includes(last.base)) last.base = last.base === 'o' ? 'ơ' : 'ư';
      continue;
    }
    const lower = ch.toLowerCase();
    out.push({ base: lower === 'đ' ? 'đ' : lower, tone: '0', upper: ch !== lower });
  }
  return out;
}

export function viSortKey(text: string): string {
  let primary = '';
  let tones = '';
  let cases = '';
  let gap = false;
  for (const l of letters(text)) {
    const code = PRIMARY.get(l.base);
    if (!code) {
      gap = primary.length > 0;
      continue;
    }
    if (gap) primary += WORD;
    gap = false;
    primary += code;
    tones += l.tone;
    cases += l.upper ? '1' : '0';
  }
  return primary + LEVEL + tones + LEVEL + cases;
}

/**
 * People are listed by given name (the last word), then family and middle names: "Trần Thị Bé
 * Tư" sorts under T for "Tư", before "Lâm Văn Út" under U.
 */
export function personSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return viSortKey(fullName);
  return viSortKey([words[words.length - 1], ...words.slice(0, -1)].join(' '));
}
