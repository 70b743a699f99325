import { HarnessError } from '../errors/index.js';
import type { ConfigLayer } from './resolve-config.js';

/** The HARNESS_* environment layer. Numbers are parsed here so a typo names the variable. */
export function fromEnv(env: NodeJS.ProcessEnv): ConfigLayer {
  const layer: ConfigLayer = {};
  if (env.HARNESS_TARGET) layer.target = env.HARNESS_TARGET;
  if (env.HARNESS_REPORTS_DIR) layer.reportsDir = env.HARNESS_REPORTS_DIR;
  if (env.HARNESS_SEED) layer.seed = parseNumber('HARNESS_SEED', env.HARNESS_SEED);
  if (env.HARNESS_TIME_SCALE) layer.timeScale = parseNumber('HARNESS_TIME_SCALE', env.HARNESS_TIME_SCALE);
  if (env.HARNESS_ENGINE) layer.engine = env.HARNESS_ENGINE as ConfigLayer['engine'];
  if (env.HARNESS_PROFILE) layer.loadProfile = env.HARNESS_PROFILE as ConfigLayer['loadProfile'];
  if (env.CI === 'true' || env.CI === '1') layer.ci = true;
  if (env.HARNESS_FAULTS)
    layer.faults = env.HARNESS_FAULTS.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (env.HARNESS_REQUEST_TIMEOUT_MS)
    layer.requestTimeoutMs = parseNumber('HARNESS_REQUEST_TIMEOUT_MS', env.HARNESS_REQUEST_TIMEOUT_MS);
  if (env.HARNESS_CONNECT_TIMEOUT_MS)
    layer.connectTimeoutMs = parseNumber('HARNESS_CONNECT_TIMEOUT_MS', env.HARNESS_CONNECT_TIMEOUT_MS);
  if (env.HARNESS_LOAD_TIMEOUT_MS)
    layer.loadTimeoutMs = parseNumber('HARNESS_LOAD_TIMEOUT_MS', env.HARNESS_LOAD_TIMEOUT_MS);
  if (env.HARNESS_MAX_CREDITS)
    layer.maxCredits = parseCredits('HARNESS_MAX_CREDITS', env.HARNESS_MAX_CREDITS);
  return layer;
}

/** A credit budget: a number of credits or the word `unlimited`. */
function parseCredits(name: string, raw: string): number | 'unlimited' {
  return raw.trim() === 'unlimited' ? 'unlimited' : parseNumber(name, raw);
}

function parseNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new HarnessError('HARNESS_ERR_CONFIG_INVALID', `${name}=${JSON.stringify(raw)} is not a number`, {
      hint: `Set ${name} to a number or unset it.`,
    });
  }
  return value;
}
