/**
 * Canvas text (chart labels) is drawn once, with whatever font is loaded at that moment, and a
 * web font is fetched only when something needs it. So the report waits for the bundled Tinos
 * faces before it draws charts; on a machine with Times New Roman they are never used but the
 * wait is short (the files are local).
 */
const SAMPLE = 'Aa Đđ Ăă Ưư Ơơ Ạạ Ệệ Ỹỹ 0123456789';
const FACES = ['400 16px Tinos', 'italic 400 16px Tinos', '700 16px Tinos', 'italic 700 16px Tinos'];

let loading: Promise<void> | null = null;

export function ensureReportFonts(): Promise<void> {
  if (!loading) {
    loading = (async () => {
      if (!('fonts' in document)) return;
      try {
        await Promise.all(FACES.map((face) => document.fonts.load(face, SAMPLE)));
      } catch {
        /* a font that fails to load falls back to the serif stack: still printable */
      }
      await document.fonts.ready;
    })();
  }
  return loading;
}

/** The report's font stack, also used for chart text on canvas. */
export const REPORT_FONT = '"Times New Roman", Tinos, serif';
