export type LogLevel = 'debug' | 'info' | 'warning' | 'error';

/** logrus quotes a value unless it is made of these characters only. */
const BARE = /^[A-Za-z0-9\-._/@^+]+$/;

function value(text: string): string {
  return BARE.test(text) ? text : JSON.stringify(text);
}

/**
 * One log line as k6 prints it on stderr (logrus): on a terminal `INFO[0003] message  k=v`,
 * otherwise logfmt `time="2026-01-02T03:04:05Z" level=info msg="message" k=v`.
 */
export function formatLogLine(
  tty: boolean,
  elapsedMs: number,
  level: LogLevel,
  message: string,
  fields: Readonly<Record<string, string>>,
): string {
  const extra = Object.entries(fields).map(([k, v]) => ` ${k}=${value(v)}`);
  if (tty) {
    const secs = Math.floor(elapsedMs / 1000)
      .toString()
      .padStart(4, '0');
    return `${level.toUpperCase().slice(0, 4)}[${secs}] ${message}${extra.length > 0 ? ` ${extra.join('')}` : ''}`;
  }
  const time = `${new Date().toISOString().slice(0, 19)}Z`;
  return `time="${time}" level=${level} msg=${JSON.stringify(message)}${extra.join('')}`;
}
