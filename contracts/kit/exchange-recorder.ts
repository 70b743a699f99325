import { spoolExchange, type Exchange } from '../../src/har/index.js';
import { registerSecret } from '../../src/secrets/index.js';
import type { CheckTarget } from './target-context.js';

/** What the client knows of a request before it is sent. */
export type SentRequest = Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>;

/** Records one exchange: called once, with what came back (or the error), when it is over. */
export type ExchangeEnd = (rest: Partial<Exchange>, waitMs: number | undefined) => void;

/**
 * `--har`: the kit's side of the recording. With `target.harSpoolDir` set, each exchange is
 * spooled (src/har) from the check's worker thread, the check id as its comment; without
 * it, nothing is kept. The target's keys join this worker's scrub list first, so the
 * spool never holds one even before the parent scrubs the merged file again.
 */
export function exchangeRecorder(
  target: CheckTarget,
  check: string | undefined,
): (request: SentRequest) => ExchangeEnd {
  const spool = target.harSpoolDir;
  if (spool === undefined) return () => () => undefined;
  for (const key of [target.keys.main, target.keys.noPermission, target.keys.noCredits])
    if (key !== undefined) registerSecret(key);
  return (request) => {
    const startedAt = Date.now();
    const started = performance.now();
    return (rest, waitMs) =>
      spoolExchange(spool, {
        startedAt,
        durationMs: performance.now() - started,
        ...(waitMs === undefined ? {} : { waitMs }),
        ...request,
        ...(check === undefined ? {} : { comment: `check ${check}` }),
        ...rest,
      });
  };
}
