/**
 * Targets: which deployment the harness talks to and with which keys.
 * `resolveTarget(config)` is the one entry point for verify, load and the main job.
 */
export { resolveTarget, type ResolveOptions } from './resolve-target.js';
export type { ResolvedTarget, TargetKeys, GuessedPart, TargetProfile } from './types.js';
export { ENDPOINT_NAMES, DOCUMENTED_PATHS, endpointUrl, type EndpointName } from './endpoints.js';
export { loadProfile, listTargetNames, TARGETS_DIR } from './load-profile.js';
export {
  bareUrlProfile,
  checkTargetUrl,
  isUrl,
  parseWorkflowFlag,
  BARE_URL_KEY_ENV,
  BARE_URL_EXTRA_KEY_ENV,
  type BareWorkflow,
} from './bare-url.js';
export { preflight, type PreflightOptions } from './preflight.js';
export { componentsOf } from './learn-workflow.js';
export { startEmbedded, listReferenceFaults, type FaultInfo, type EmbeddedOptions } from './embedded.js';
export { probeReachable, CONNECT_TIMEOUT_MS } from './probe.js';
export { initProfile, guessConversation, type InitOptions } from './init-profile.js';
export { stripLineComments } from './comment-json.js';
