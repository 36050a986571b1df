/** vi-VN display: 1.052.062 người; 92,5%; 05/03/2024; 330.000 đ. */
const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : integerFormat.format(value);
}

export function formatPercent(ratio: number | null | undefined, digits = 2): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return (
    new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio * 100) + '%'
  );
}

/** Two decimals, vi-VN: 79,35 (emulation points). */
export function formatDecimal(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A percentage core already computed and rounded (campaign % of plan: 132.14 → "132,14%"). */
export function formatPercentValue(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : formatPercent(value / 100, digits);
}

export function formatMoney(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : integerFormat.format(value) + ' đ';
}

/** ISO date (YYYY-MM-DD, or a full ISO timestamp) → dd/mm/yyyy. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** ISO timestamp → dd/mm/yyyy HH:mm in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd → ISO date, or null when it is not a real date. */
export function parseViDate(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** An ISO date moved by whole days (negative: back). */
export function addDays(iso: string, days: number): string {
  const date = new Date(iso + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day before an ISO date (a unit merged on 01/07/2025 ends on 30/06/2025). */
export function dayBefore(iso: string): string {
  return addDays(iso, -1);
}

export const viCollator = new Intl.Collator('vi');

const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** File sizes as office staff read them: 812 byte, 45,3 KB, 1,2 MB (vi-VN decimal comma). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${formatCount(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${oneDecimal.format(bytes / (1024 * 1024))} MB`;
  return `${oneDecimal.format(bytes / (1024 * 1024 * 1024))} GB`;
}
