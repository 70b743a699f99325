import type { TargetProfile } from '../types/generated/target-profile.js';

/** Env var names a bare-URL target reads its keys from (no profile to name them). */
export const BARE_URL_KEY_ENV = 'HARNESS_API_KEY';
export const BARE_URL_EXTRA_KEY_ENV = {
  noPermission: 'HARNESS_API_KEY_NO_PERMISSION',
  noCredits: 'HARNESS_API_KEY_NO_CREDITS',
} as const;

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * A profile for a bare URL: documented endpoint paths and the docs' example workflow
 * ('12345' v1, "First Name" text + "Age" number) as a stand-in that only auth and error
 * checks use; its output components are unknown, so the caller marks workflows.fast guessed.
 */
export function bareUrlProfile(url: string, env: NodeJS.ProcessEnv = process.env): TargetProfile {
  const parsed = new URL(url);
  const name = `url-${parsed.host}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  const extraKeys: NonNullable<TargetProfile['extraKeys']> = {};
  for (const [role, envName] of Object.entries(BARE_URL_EXTRA_KEY_ENV) as [
    keyof typeof BARE_URL_EXTRA_KEY_ENV,
    string,
  ][]) {
    if ((env[envName] ?? '') !== '' || (env[`${envName}_FILE`] ?? '') !== '') extraKeys[role] = envName;
  }
  return {
    name,
    description: `bare URL ${url}: documented endpoint paths, workflows unknown`,
    baseUrl: url.replace(/\/+$/, ''),
    apiKeyEnv: BARE_URL_KEY_ENV,
    ...(Object.keys(extraKeys).length > 0 ? { extraKeys } : {}),
    workflows: {
      fast: {
        workflowId: '12345',
        version: 1,
        sampleInput: { 'First Name': 'John', Age: 30 },
        inputComponents: { 'First Name': 'text', Age: 'number' },
        outputComponents: {},
      },
    },
  };
}
