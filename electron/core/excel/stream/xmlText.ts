const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entity(_match: string, body: string): string {
  if (body.charCodeAt(0) !== 0x23) return NAMED[body] ?? '';
  const code = body.charCodeAt(1) === 0x78 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * XML entities first (the XML layer), then Excel's own `_xHHHH_` escapes (the OOXML layer, used
 * for control characters and for a literal "_x0041_" typed by a user, written "_x005F_x0041_").
 * The regex consumes left to right, so "_x005F_x0041_" stays "_x0041_" as Excel shows it.
 */
export function unescapeXml(text: string): string {
  const plain = text.indexOf('&') < 0 ? text : text.replace(ENTITY, entity);
  return plain.indexOf('_x') < 0 ? plain : plain.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads one attribute of a start tag already in a string (workbook, rels, styles: small parts). */
export function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!match) return null;
  return unescapeXml(match[1] ?? match[2] ?? '');
}
