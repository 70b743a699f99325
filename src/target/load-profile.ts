import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config/index.js';
import { ContractValidator } from '../contract/index.js';
import { HarnessError } from '../errors/index.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import { stripLineComments } from './comment-json.js';

/** targets/ at the repository root. */
export const TARGETS_DIR = join(REPO_ROOT, 'targets');

export function listTargetNames(dir: string = TARGETS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * Reads targets/<name>.json (or a path to a .json file; `//` line comments allowed) and validates it against
 * schemas/target-profile.schema.json; every violation is listed with its JSON pointer
 * and what the schema expects there.
 */
export function loadProfile(nameOrPath: string, dir: string = TARGETS_DIR): TargetProfile {
  const file = nameOrPath.endsWith('.json') ? nameOrPath : join(dir, `${nameOrPath}.json`);
  if (!existsSync(file)) {
    const known = listTargetNames(dir);
    throw new HarnessError(
      'HARNESS_ERR_TARGET_UNKNOWN',
      `no target profile named "${nameOrPath}" (looked for ${file})`,
      {
        hint: `Use one of: ${known.length > 0 ? known.join(', ') : '(none in targets/)'}; a bare URL such as http://127.0.0.1:8080; or omit --target for the embedded reference.`,
      },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(stripLineComments(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new HarnessError(
      'HARNESS_ERR_TARGET_INVALID',
      `${file} is not valid JSON: ${(error as Error).message}`,
      {
        hint: 'Fix the JSON syntax; see targets/example-staging.json for a complete profile.',
      },
    );
  }
  const { valid, errors } = new ContractValidator().validate('target-profile.schema.json', data);
  if (!valid) {
    const lines = errors.map((e) => {
      const where = e.instancePath === '' ? '(root)' : e.instancePath;
      const extra =
        e.params !== undefined && 'additionalProperty' in e.params
          ? ` "${String(e.params.additionalProperty)}"`
          : e.params !== undefined && 'allowedValues' in e.params
            ? ` (${(e.params.allowedValues as unknown[]).join(', ')})`
            : '';
      return `${where}: ${e.message ?? 'is invalid'}${extra} [schema ${e.schemaPath}]`;
    });
    throw new HarnessError(
      'HARNESS_ERR_TARGET_INVALID',
      `${file} does not match schemas/target-profile.schema.json:\n    ${lines.join('\n    ')}`,
      {
        hint: 'Fix each listed JSON pointer; the schema documents every field (targets/example-staging.json is a complete example).',
      },
    );
  }
  return data as TargetProfile;
}
