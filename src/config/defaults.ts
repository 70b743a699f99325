import type { ConfigLayer } from './resolve-config.js';

/** Lowest-precedence layer. Kept equal to the schema's `default`s (a test checks). */
export const DEFAULTS: ConfigLayer = Object.freeze({
  reportsDir: 'reports',
  timeScale: 0.02,
  engine: 'auto',
  loadProfile: 'smoke',
  ci: false,
  faults: [],
  requestTimeoutMs: 10_000,
  connectTimeoutMs: 3_000,
});
