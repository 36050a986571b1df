/** The column letters of a 0-based column index, as Excel names them (0 → A, 25 → Z, 26 → AA). */
export function columnLetterAt(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 0-based index of column letters (A → 0, Z → 25, AA → 26): columnLetterAt's inverse. */
export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
