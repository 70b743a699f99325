import { readFileSync } from 'node:fs';
import { HarnessError } from '../errors/index.js';
import { registerSecret } from './scrub.js';

/**
 * Reads an API key from the environment variable `name`, or from the file named by
 * `${name}_FILE`. Keys never come from flags or profile files. The value is
 * registered with the scrubber so no report, log or error can print it.
 */
export function readApiKey(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  let key: string | undefined;
  if (direct !== undefined && direct !== '') key = direct;
  else if (file !== undefined && file !== '') {
    try {
      key = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new HarnessError(
        'HARNESS_ERR_KEY_MISSING',
        `${name}_FILE names ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        {
          hint: `Point ${name}_FILE at a readable file that contains only the key, or set ${name} instead.`,
        },
      );
    }
  }
  if (key === undefined || key === '') {
    throw new HarnessError('HARNESS_ERR_KEY_MISSING', `the API key variable ${name} is not set`, {
      hint: `export ${name}=<your key> (or ${name}_FILE=/path/to/keyfile) before running; keys are never taken from flags or files in the repo.`,
    });
  }
  registerSecret(key);
  return key;
}
