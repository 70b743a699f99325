import { scenarioEnv } from '../load/scenario-env.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import type { EnvVar } from './manifest-types.js';

/** Where each runner's own folder on the results claim is mounted (subPathExpr: $(POD_NAME)). */
export const RESULTS_MOUNT = '/harness-results';

/** The shard folder's files (schemas/shard-manifest.schema.json and src/merge), as the runner writes them inside its folder. */
export const SHARD_FILES = {
  samples: 'samples.json.gz',
  summary: 'summary-data.json',
  shard: 'shard.json',
} as const;

export interface RunnerEnvInput {
  readonly profile: Readonly<TargetProfile>;
  readonly loadProfile: string;
  readonly testId: string;
  /** The Kubernetes Secret (and its key) the user creates with the API key. */
  readonly secret: { readonly name: string; readonly key: string };
  /** HARNESS_MAX_CREDITS per runner, and whatever else the plan hands the bundle. */
  readonly planEnv: Readonly<Record<string, string>>;
}

/**
 * A literal env value as written in a manifest: the kubelet expands `$(NAME)` in env values and
 * turns `$$` into `$`, so every `$` is doubled and the pod sees the value unchanged (a target
 * profile's sample input may hold either).
 */
export const kubeLiteral = (value: string): string => value.replaceAll('$', '$$$$');

/**
 * The runner's environment: what `harness load` gives the engine (scenarioEnv), except the key,
 * which is a secretKeyRef the kubelet resolves in the pod, so no written file ever holds it, and
 * the shard-folder paths, which sit on the results claim. The initializer (`k6 archive` + `k6
 * inspect`, which read only the options) gets the same minus the key, the pod name and the paths:
 * the operator passes its env to `k6 archive -e`, which would store a key in the archive.
 */
export function runnerEnv(input: RunnerEnvInput): { runner: EnvVar[]; initializer: EnvVar[] } {
  const base = scenarioEnv({
    profile: input.profile,
    apiKey: '',
    loadProfile: input.loadProfile,
    timeScale: 1,
    embedded: false,
    summaryOut: `${RESULTS_MOUNT}/${SHARD_FILES.summary}`,
  });
  const keyVar = input.profile.apiKeyEnv;
  const plain = Object.entries({ ...base, ...input.planEnv, HARNESS_TEST_ID: input.testId })
    .filter(([name]) => name !== keyVar)
    .map(([name, value]): EnvVar => ({ name, value: kubeLiteral(value) }));
  const paths = new Set(['HARNESS_SUMMARY_OUT']);
  const runner: EnvVar[] = [
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ...plain,
    { name: 'HARNESS_SHARD_OUT', value: kubeLiteral(`${RESULTS_MOUNT}/${SHARD_FILES.shard}`) },
    { name: keyVar, valueFrom: { secretKeyRef: { name: input.secret.name, key: input.secret.key } } },
  ];
  return { runner, initializer: plain.filter((v) => !paths.has(v.name)) };
}
