import type { TargetProfile } from '../types/generated/target-profile.js';

export interface ScenarioEnvInput {
  readonly profile: Readonly<TargetProfile>;
  readonly apiKey: string;
  readonly loadProfile: string;
  readonly timeScale: number;
  readonly embedded: boolean;
  readonly summaryOut: string;
  readonly validate?: boolean;
}

/**
 * The __ENV a scenario reads (scenarios/lib/env.ts). The target profile holds only the
 * NAME of the key variable; the key itself is set under that name, for the child only.
 */
export function scenarioEnv(input: ScenarioEnvInput): Record<string, string> {
  return {
    BASE_URL: input.profile.baseUrl,
    HARNESS_TARGET: JSON.stringify(input.profile),
    API_KEY_ENV: input.profile.apiKeyEnv,
    [input.profile.apiKeyEnv]: input.apiKey,
    HARNESS_PROFILE: input.loadProfile,
    HARNESS_TIME_SCALE: String(input.embedded ? input.timeScale : 1),
    HARNESS_SUMMARY_OUT: input.summaryOut,
    // Ground truth exists only on the embedded reference: tag completions with their conversation there.
    HARNESS_TRACE_CONVERSATIONS: input.embedded ? '1' : '0',
    ...(input.validate === false ? { HARNESS_VALIDATE: '0' } : {}),
  };
}
