import { HarnessError } from '../errors/index.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import { componentsOf } from './learn-workflow.js';

/** Env var names a bare-URL target reads its keys from (no profile to name them). */
export const BARE_URL_KEY_ENV = 'HARNESS_API_KEY';
export const BARE_URL_EXTRA_KEY_ENV = {
  noPermission: 'HARNESS_API_KEY_NO_PERMISSION',
  noCredits: 'HARNESS_API_KEY_NO_CREDITS',
} as const;

/** Anything that looks like a URL ("scheme://…") is taken as one, so "ftp://x" is refused as a URL, not looked up as a profile name. */
export function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target);
}

/**
 * A target URL the harness can use, or a named error: unparsable or hostless
 * (HARNESS_ERR_TARGET_URL_INVALID); another scheme, credentials, query or fragment
 * (HARNESS_ERR_TARGET_URL_UNSUPPORTED). Returns the base URL without trailing slashes.
 */
export function checkTargetUrl(target: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(target)?.[1]?.toLowerCase() ?? '';
  if (scheme !== 'http' && scheme !== 'https')
    throw new HarnessError(
      'HARNESS_ERR_TARGET_URL_UNSUPPORTED',
      `--target ${target}: scheme "${scheme}:" is not supported`,
      {
        hint: `Use http:// or https:// (e.g. http://127.0.0.1:8080); the harness speaks only HTTP(S) to the three documented endpoints.`,
      },
    );
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw new HarnessError('HARNESS_ERR_TARGET_URL_INVALID', `--target ${target} is not a valid URL`, {
      hint: 'Give a full URL such as http://127.0.0.1:8080 (scheme, host, optional port and path prefix).',
    });
  }
  if (url.hostname === '')
    throw new HarnessError('HARNESS_ERR_TARGET_URL_INVALID', `--target ${target} names no host`, {
      hint: 'Give a full URL such as http://127.0.0.1:8080 (scheme, host, optional port and path prefix).',
    });
  if (url.username !== '' || url.password !== '')
    throw new HarnessError('HARNESS_ERR_TARGET_URL_UNSUPPORTED', `--target carries credentials in the URL`, {
      hint: `Use ${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')} and put the API key in HARNESS_API_KEY (or a profile's apiKeyEnv).`,
    });
  if (url.search !== '' || url.hash !== '')
    throw new HarnessError(
      'HARNESS_ERR_TARGET_URL_UNSUPPORTED',
      `--target ${target} has a query or fragment`,
      {
        hint: `Use ${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}: the origin and an optional path prefix, to which the endpoint paths are appended.`,
      },
    );
  return target.replace(/\/+$/, '');
}

/** A workflow named on the command line for a bare URL: `--workflow [role:]<id>[@version]` + `--input '<json>'`. */
export interface BareWorkflow {
  readonly role: 'fast' | 'slow' | 'conversational';
  readonly workflowId: string;
  readonly version: number;
  readonly input: Record<string, unknown>;
}

/** The docs' example workflow, the stand-in when no --workflow is given. */
const DOCS_EXAMPLE: TargetProfile['workflows']['fast'] = {
  workflowId: '12345',
  version: 1,
  sampleInput: { 'First Name': 'John', Age: 30 },
  inputComponents: { 'First Name': 'text', Age: 'number' },
  outputComponents: {},
};

/**
 * A profile for a bare URL: documented endpoint paths, the workflows named with
 * --workflow (input components from the types of --input's values) or else the docs'
 * example ('12345' v1). Output components start empty: the preflight learns them from
 * the first answer (learn-workflow.ts); until then workflows.fast is guessed.
 */
export function bareUrlProfile(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
  declared: readonly BareWorkflow[] = [],
): TargetProfile {
  const parsed = new URL(checkTargetUrl(url));
  const name = `url-${parsed.host}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  const extraKeys: NonNullable<TargetProfile['extraKeys']> = {};
  for (const [role, envName] of Object.entries(BARE_URL_EXTRA_KEY_ENV) as [
    keyof typeof BARE_URL_EXTRA_KEY_ENV,
    string,
  ][]) {
    if ((env[envName] ?? '') !== '' || (env[`${envName}_FILE`] ?? '') !== '') extraKeys[role] = envName;
  }
  const workflows: TargetProfile['workflows'] = { fast: DOCS_EXAMPLE };
  for (const wf of declared) {
    workflows[wf.role] = {
      workflowId: wf.workflowId,
      version: wf.version,
      sampleInput: wf.input,
      inputComponents: componentsOf(wf.input),
      outputComponents: {},
    };
  }
  return {
    name,
    description: `bare URL ${url}: documented endpoint paths, workflows ${declared.length > 0 ? 'named on the command line' : "unknown (the docs' example guessed)"}`,
    baseUrl: url.replace(/\/+$/, ''),
    apiKeyEnv: BARE_URL_KEY_ENV,
    ...(Object.keys(extraKeys).length > 0 ? { extraKeys } : {}),
    workflows,
  };
}

/** Parses `[role:]<id>[@version]` (role default fast, version default 1) paired with its --input JSON. */
export function parseWorkflowFlag(spec: string, inputJson: string | undefined): BareWorkflow {
  const m = /^(?:(fast|slow|conversational):)?([^@]+)(?:@(\d+(?:\.\d+)?))?$/.exec(spec);
  if (m === null || m[2] === undefined)
    throw new HarnessError('HARNESS_ERR_USAGE', `--workflow ${spec}: expected [role:]<id>[@version]`, {
      hint: 'e.g. --workflow 12345@1, --workflow slow:report@2 (roles: fast, slow, conversational).',
    });
  let input: unknown = {};
  if (inputJson !== undefined) {
    try {
      input = JSON.parse(inputJson) as unknown;
    } catch (error) {
      throw new HarnessError(
        'HARNESS_ERR_USAGE',
        `--input for ${spec} is not JSON: ${(error as Error).message}`,
        {
          hint: `Quote it for the shell: --input '{"First Name": "John", "Age": 30}'.`,
        },
      );
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new HarnessError('HARNESS_ERR_USAGE', `--input for ${spec} must be a JSON object`, {
      hint: `Give the workflow's input components by name: --input '{"First Name": "John"}'.`,
    });
  return {
    role: (m[1] ?? 'fast') as BareWorkflow['role'],
    workflowId: m[2],
    version: m[3] === undefined ? 1 : Number(m[3]),
    input: input as Record<string, unknown>,
  };
}
