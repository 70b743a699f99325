import { format } from 'node:util';
import type { TestRun } from '../runtime/test-run.js';
import type { LogLevel } from '../runtime/log-line.js';

/**
 * The `console` a script sees, as k6's: every line goes to the log on stderr with
 * `source=console` (log/info → info, warn → warning, error → error); console.debug only
 * with `-v`/`--verbose`. Arguments are formatted like Node's console (k6 prints objects
 * the same way: `{ a: 1 } [ 1, 2 ]`).
 */
export function scriptConsole(run: TestRun): Record<string, (...args: unknown[]) => void> {
  const at =
    (level: LogLevel) =>
    (...args: unknown[]): void => {
      if (level === 'debug' && !run.verbose) return;
      run.log(level, format(...args), { source: 'console' });
    };
  return Object.freeze({
    log: at('info'),
    info: at('info'),
    warn: at('warning'),
    error: at('error'),
    debug: at('debug'),
  });
}
