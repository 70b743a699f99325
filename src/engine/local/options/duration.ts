import { HarnessError } from '../../../errors/index.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * A k6 duration in ms: a Go-style string ("1m30s", "250ms", "1.5s") or a number. k6 reads a
 * bare number as ms in request timeouts and as seconds nowhere we support, so numbers are ms.
 */
export function parseDuration(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
    const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/g)];
    if (parts.length > 0 && parts.map((p) => p[0]).join('') === text) {
      return parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] ?? ''] ?? 0), 0);
    }
  }
  throw new HarnessError(
    'HARNESS_ERR_ENGINE_OPTIONS',
    `${what} is not a valid duration: ${JSON.stringify(value)}`,
    {
      hint: 'Write durations as k6 does: "30s", "1m30s", "250ms", "2h" (or a number of milliseconds).',
    },
  );
}
