import { isScientific, scientificProblem } from './cccd';

/**
 * The identifiers of a person on a canvassing list besides CCCD (cccd.ts): mã số BHXH (10 digits,
 * also the last 10 of the BHYT card) and the BHYT card number (2 letters of the beneficiary group,
 * then 13 digits: 1 benefit level, 2 province, 10 the mã số BHXH). Checks are the ones a clerk can
 * be told about; messages are Vietnamese and name the value typed.
 */

/** Digits typed with spaces, dots, dashes or an apostrophe dropped; a number that lost its leading 0 gets it back. */
export function normaliseBhxhCode(text: string, fromNumber = false): string {
  const typed = String(text);
  if (isScientific(typed)) return typed;
  const digits = typed.replace(/[\s.'\u2018\u2019-]/g, '');
  // A number (a cell, or a CSV saved from one) that lost the 0 of a province code 01–09.
  return fromNumber && /^\d{9}$/.test(digits) ? '0' + digits : digits;
}

export function bhxhCodeProblem(code: string): string | null {
  const scientific = scientificProblem('Mã số BHXH', code, 10);
  if (scientific) return scientific;
  if (!/^\d+$/.test(code)) return `Mã số BHXH "${code}" chỉ được gồm chữ số.`;
  if (code.length !== 10) return `Mã số BHXH phải có 10 chữ số (đang có ${code.length}).`;
  return null;
}

/** "gd 4 79 7912345678" → "GD4797912345678". */
export function normaliseBhytCard(text: string): string {
  return String(text).replace(/[\s.-]/g, '').toUpperCase();
}

export function bhytCardProblem(card: string): string | null {
  if (!/^[A-Z]{2}\d{13}$/.test(card)) {
    return `Số thẻ BHYT "${card}" không đúng dạng: 2 chữ cái (mã đối tượng) và 13 chữ số, ví dụ GD4797912345678.`;
  }
  if (card[2] === '0' || card[2]! > '5') return `Số thẻ BHYT "${card}": ký tự thứ 3 (mức hưởng) phải từ 1 đến 5.`;
  return null;
}

/** The mã số BHXH a BHYT card carries (its last 10 digits). */
export function bhxhCodeOfCard(card: string): string | null {
  return /^[A-Z]{2}\d{13}$/.test(card) ? card.slice(5) : null;
}

/** 7912345678 → 79******78, like a CCCD: enough to tell two people apart, not enough to use. */
export function maskBhxhCode(code: string | null | undefined): string | null {
  if (!code) return null;
  return code.length <= 4 ? '*'.repeat(code.length) : code.slice(0, 2) + '*'.repeat(code.length - 4) + code.slice(-2);
}

/** GD4797912345678 → GD4*********678. */
export function maskBhytCard(card: string | null | undefined): string | null {
  if (!card) return null;
  return card.length <= 6 ? '*'.repeat(card.length) : card.slice(0, 3) + '*'.repeat(card.length - 6) + card.slice(-3);
}
