import { BARE_URL_EXTRA_KEY_ENV, BARE_URL_KEY_ENV } from '../../src/target/index.js';
import type { KeyChoice } from './http-client.js';
import type { CheckTarget } from './target-context.js';

/** A word for a POSIX shell: single-quoted, each ' closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The environment variable a reader exports for a key role: for the embedded reference
 * the names `harness serve` prints (a bare URL reads the same), otherwise the profile's.
 * A literal key (a deliberately unknown one) is no secret and goes in as is.
 */
export function keyVariable(
  target: CheckTarget,
  choice: KeyChoice,
): string | { literal: string } | undefined {
  if (choice === 'none') return undefined;
  if (typeof choice === 'object') return { literal: choice.literal };
  if (choice === 'main') return target.embedded ? BARE_URL_KEY_ENV : target.profile.apiKeyEnv;
  return (target.embedded ? undefined : target.profile.extraKeys?.[choice]) ?? BARE_URL_EXTRA_KEY_ENV[choice];
}

/**
 * A ready `curl` command for one request: the key never appears, only "$VAR" (expanded
 * by the shell from what the user exported); everything else single-quoted verbatim,
 * method and Content-Type included (the checks of other methods and of a wrong
 * Content-Type reproduce as sent), the body in full (--data-raw: a leading @ is not a
 * file name; none at all when the request had none, e.g. a GET). -i shows
 * status and headers, so whatever the failure was about is in the output.
 */
export function curlCommand(
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string | undefined,
  key: ReturnType<typeof keyVariable>,
): string {
  const parts = ['curl', '-sS', '-i', '-X', method, shellQuote(url)];
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'x-api-key') continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (typeof key === 'string') parts.push('-H', `"x-api-key: $${key}"`);
  else if (key !== undefined) parts.push('-H', shellQuote(`x-api-key: ${key.literal}`));
  // curl would add its own form Content-Type to a body sent without one; "Content-Type:" removes it.
  const typed = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (body !== undefined && !typed) parts.push('-H', shellQuote('Content-Type:'));
  if (body !== undefined) parts.push('--data-raw', shellQuote(body));
  return parts.join(' ');
}
