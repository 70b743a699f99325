import { HarnessError } from '../../../errors/index.js';
import { parseDurationMs } from '../../metrics/duration.js';

/**
 * A k6 duration in ms, read as k6 v2.2.0 reads scenario options (types.ParseExtendedDuration, as
 * `parseDurationMs`): a Go-style string ("1m30s", "250ms", ".5s", "1d12h"), or a number or plain
 * numeric string, both milliseconds ("1500" is 1.5 s, as `k6 inspect` shows). Negative is refused.
 */
export function parseDuration(value: unknown, what: string): number {
  const ms = typeof value === 'number' || typeof value === 'string' ? parseDurationMs(value) : null;
  if (ms !== null && ms >= 0) return ms;
  throw new HarnessError(
    'HARNESS_ERR_ENGINE_OPTIONS',
    `${what} is not a valid duration: ${JSON.stringify(value)}`,
    {
      hint: 'Write durations as k6 does: "30s", "1m30s", "250ms", "2h" (or a number of milliseconds).',
    },
  );
}
