/**
 * Replaces this run's live values (ports, temp paths, the API key) with `{NAME}` placeholders,
 * so a transcript holds no key and runs on different ports compare. Values shorter than 8
 * characters (a bare port) are replaced only where they are the whole string.
 */
export function templatize(text: string, vars: Readonly<Record<string, string>>): string {
  const entries = Object.entries(vars).sort((a, b) => b[1].length - a[1].length);
  for (const [name, value] of entries) if (text === value) return `{${name}}`;
  let out = text;
  for (const [name, value] of entries) if (value.length >= 8) out = out.split(value).join(`{${name}}`);
  return out;
}

/** templatize applied to every string inside a JSON value. */
export function templatizeJson(value: unknown, vars: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') return templatize(value, vars);
  if (Array.isArray(value)) return value.map((v) => templatizeJson(v, vars));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [templatize(k, vars), templatizeJson(v, vars)]),
    );
  return value;
}
