/**
 * Process-wide list of secret values (API keys) that must never be written
 * anywhere. Every writer of console output, reports, JUnit, summaries and samples
 * passes text through `scrub`, and request dumps through `redactHeaders`.
 */
const secrets = new Set<string>();
export const REDACTED = '[REDACTED]';

export function registerSecret(value: string): void {
  // Very short values would redact ordinary words; keys are long.
  if (value.length >= 6) secrets.add(value);
}

export function scrub(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** Deep-scrubs a JSON-able value (strings anywhere in it). */
export function scrubValue<T>(value: T): T {
  if (secrets.size === 0) return value;
  return JSON.parse(scrub(JSON.stringify(value))) as T;
}

export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = /^(x-api-key|authorization|cookie|proxy-authorization)$/i.test(name) ? REDACTED : scrub(text);
  }
  return out;
}

/** For tests. */
export function clearSecrets(): void {
  secrets.clear();
}
