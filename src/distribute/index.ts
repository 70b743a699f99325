/** `harness distribute`: the manifests that run one test on k6-operator, and how its shards come back. */
export { distribute, FILES, type DistributeOptions, type Distribution } from './distribute.js';
export { resolveDistributeFlags, type DistributeFlags } from './flags.js';
export { runnerCommand, SCRIPT_MOUNT } from './runner-command.js';
export { segmentFlags } from './segments.js';
export { RESULTS_MOUNT, SHARD_FILES } from './runner-env.js';
export { CONFIGMAP_MAX_BYTES, bundleConfigMap, configMapBytes, configMapYaml } from './configmap.js';
export { isConfigKey, isDns1123Label, isDns1123Subdomain } from './k8s-names.js';
export type { ConfigMap, EnvVar, TestRun } from './manifest-types.js';
