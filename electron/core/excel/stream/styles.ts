import { attribute } from './xmlText';

/** Built-in number formats that are dates (ECMA-376 §18.8.30): 14–22 and 45–47. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/**
 * Whether a custom format code shows a date: a d, m or y token outside quoted text, [brackets]
 * (colours, locales, elapsed [h]), and escaped or padding characters. "h:mm" alone is a time,
 * not a date, so an m only counts without h/s beside it.
 */
export function isDateFormat(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .toLowerCase();
  if (/general/.test(bare)) return false;
  if (/[dy]/.test(bare)) return true;
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** Which cell style indexes (the `s` of a cell, an index into cellXfs) format a number as a date. */
export class DateStyles {
  constructor(private readonly dates: Uint8Array) {}

  static none(): DateStyles {
    return new DateStyles(new Uint8Array(0));
  }

  /** Reads xl/styles.xml: custom numFmts, then the numFmtId of each cellXfs `<xf>` in order. */
  static parse(xml: string): DateStyles {
    const custom = new Map<number, string>();
    for (const match of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
      const id = Number(attribute(match[0], 'numFmtId'));
      const code = attribute(match[0], 'formatCode');
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    }
    const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
    const flags: number[] = [];
    for (const match of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
      const id = Number(attribute(match[0], 'numFmtId') ?? 0);
      const code = custom.get(id);
      flags.push(code !== undefined ? (isDateFormat(code) ? 1 : 0) : BUILT_IN_DATES.has(id) ? 1 : 0);
    }
    return new DateStyles(Uint8Array.from(flags));
  }

  isDate(style: number): boolean {
    return this.dates[style] === 1;
  }
}

const DAY_MS = 86_400_000;
const EPOCH_1904_DAYS = Date.UTC(1904, 0, 1) / DAY_MS;

/**
 * An Excel serial as 'YYYY-MM-DD'. The 1900 system keeps Lotus's phantom 1900-02-29 (serial 60):
 * serials before it are one day later than a plain count from 1899-12-30. Time of day is dropped.
 * Returns null for serials no date can have (negative, beyond 9999-12-31).
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!(serial >= 0) || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (!date1904 && whole === 60) return '1900-02-29';
  const days = date1904 ? EPOCH_1904_DAYS + whole : whole < 60 ? whole - 25568 : whole - 25569;
  const date = new Date(days * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Names in the font table of xl/styles.xml (`<font>…<name val="VNI-Times"/>`): a hint to legacy encodings. */
export function fontNames(xml: string): string[] {
  const fonts = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml)?.[1] ?? '';
  const names = new Set<string>();
  for (const match of fonts.matchAll(/<(?:\w+:)?name\b[^>]*>/g)) {
    const name = attribute(match[0], 'val');
    if (name) names.add(name);
  }
  return [...names];
}
