/**
 * The fixed words of an official document's heading (Nghị định 30/2020/NĐ-CP): the national motto
 * on the right, the parent issuing body on the left. Every printed or exported document takes them
 * from here.
 */
export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';
export const ISSUER_PARENT = 'BẢO HIỂM XÃ HỘI VIỆT NAM';

const NBSP4 = '\u00a0'.repeat(4);

/**
 * "Phú An, ngày 05 tháng 03 năm 2026", or with the day and month left blank for the signer
 * ("ngày    tháng    năm 2026"); no leading comma when no place is known.
 */
export function placeDateLine(place: string, date: string | null, year: string): string {
  const when = date ? `ngày ${date.slice(8, 10)} tháng ${date.slice(5, 7)} năm ${date.slice(0, 4)}` : `ngày${NBSP4}tháng${NBSP4}năm ${year}`;
  return `${place ? `${place}, ` : ''}${when}`;
}
