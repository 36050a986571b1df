/**
 * The fixed words of an official document's heading (Nghị định 30/2020/NĐ-CP): the national motto
 * on the right, the parent issuing body on the left. Every printed or exported document takes them
 * from here.
 */
export const NATIONAL_MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO_SUB = 'Độc lập - Tự do - Hạnh phúc';
export const ISSUER_PARENT = 'BẢO HIỂM XÃ HỘI VIỆT NAM';
