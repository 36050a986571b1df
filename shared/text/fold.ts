/**
 * Folding Vietnamese text for matching: no diacritics, đ→d, lower case, single spaces.
 * "Hòa" and "Hoà" (old and new tone placement) fold to the same key because both lose
 * their combining marks after NFD.
 */
export function foldText(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Longest first so "thi tran" wins over "t".
const UNIT_PREFIXES = [
  'thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'quan', 'tinh', 'xa',
  'tp', 'tt', 'tx', 'p', 'x', 'h', 'q',
];

/** The key names of units are matched on: folded, administrative prefix dropped. */
export function unitNameKey(name: string): string {
  let key = foldText(name);
  for (const prefix of UNIT_PREFIXES) {
    if (key.startsWith(prefix + ' ') && key.length > prefix.length + 1) {
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  return key;
}

/** Every word of the query appears, folded, somewhere in the text. */
export function matchesFolded(text: string, query: string): boolean {
  const q = foldText(query);
  if (!q) return true;
  const t = foldText(text);
  return q.split(' ').every((word) => t.includes(word));
}

/** Zero-width characters text copied from web pages carries, invisible but unequal. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;

/** Text stored in the database is NFC so equal names compare equal (runs of spaces, no-break ones included, as one; zero-width characters dropped). */
export function toNfc(input: string): string {
  return input.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}
