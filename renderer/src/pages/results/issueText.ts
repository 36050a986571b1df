/** Core prefixes grid messages with "Unit — Indicator: "; where both are shown beside it, drop the prefix. */
export function withoutPrefix(message: string, unitName: string | undefined, indicatorName: string | undefined): string {
  const prefix = `${unitName} — ${indicatorName}: `;
  return unitName && indicatorName && message.startsWith(prefix) ? message.slice(prefix.length) : message;
}
