import type { EnvVar, ObjectMeta, TestRun } from './manifest-types.js';
import { RESULTS_MOUNT, SHARD_FILES } from './runner-env.js';

export interface TestRunInput {
  readonly metadata: ObjectMeta;
  readonly parallelism: number;
  readonly configMap: string;
  readonly file: string;
  readonly env: { readonly runner: readonly EnvVar[]; readonly initializer: readonly EnvVar[] };
  /** The PersistentVolumeClaim every runner writes its shard folder to. */
  readonly resultsClaim: string;
  readonly image?: string;
  readonly separate?: boolean;
}

/** The grafana/k6 image runs as uid/gid 12345: fsGroup makes the claim (and the subfolders the kubelet creates) writable for it. */
export const K6_IMAGE_GID = 12345;

const RESULTS_VOLUME = 'harness-results';

/**
 * The TestRun: N runners of the bundle in the ConfigMap, each writing its shard folder (raw
 * samples, summary data, shard manifest) into its own subfolder of the results claim, named after
 * its test and pod (subPathExpr `$(HARNESS_TEST_ID)/$(POD_NAME)`, POD_NAME from the downward API), so
 * one claim can hold many tests and `kubectl cp` takes one test's folders. spec.args (exact argv, no
 * shell) rather than spec.arguments (split on spaces, run through `sh -c`).
 */
export function buildTestRun(input: TestRunInput): TestRun {
  const image = input.image === undefined ? {} : { image: input.image };
  return {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: input.metadata,
    spec: {
      parallelism: input.parallelism,
      ...(input.separate === true ? { separate: true } : {}),
      script: { configMap: { name: input.configMap, file: input.file } },
      args: ['--out', `json=${RESULTS_MOUNT}/${SHARD_FILES.samples}`],
      runner: {
        ...image,
        env: input.env.runner,
        // OnRootMismatch: a claim holding many past tests is not chowned file by file at each pod start.
        securityContext: { fsGroup: K6_IMAGE_GID, fsGroupChangePolicy: 'OnRootMismatch' },
        volumes: [{ name: RESULTS_VOLUME, persistentVolumeClaim: { claimName: input.resultsClaim } }],
        volumeMounts: [
          { name: RESULTS_VOLUME, mountPath: RESULTS_MOUNT, subPathExpr: '$(HARNESS_TEST_ID)/$(POD_NAME)' },
        ],
      },
      // Explicit, or the operator copies the runner: key, pod name and claim into `k6 archive`.
      initializer: { ...image, env: input.env.initializer },
    },
  };
}
