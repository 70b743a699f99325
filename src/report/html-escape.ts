/** Text and attribute escaping for every value put into the report's HTML. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * JSON safe inside <script type="application/json">: "<" is escaped so a value
 * containing "</script>" or "<!--" cannot end the element; U+2028/9 for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A number for a table cell: fixed decimals, or an em dash when absent. */
export function fmt(value: number | undefined, digits = 1, unit = ''): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(digits)}${unit}`;
}
