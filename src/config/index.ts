export { resolveConfig, type ConfigLayer, type ConfigSources } from './resolve-config.js';
export { DEFAULTS } from './defaults.js';
export type { HarnessConfig } from '../types/generated/harness-config.js';
export { REPO_ROOT } from './repo-root.js';
export { BOUNDS, boundHint, boundHit, type BoundName } from './bounds.js';
