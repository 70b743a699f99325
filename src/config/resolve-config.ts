import type { HarnessConfig } from '../types/generated/harness-config.js';
import { ContractValidator } from '../contract/index.js';
import { HarnessError } from '../errors/index.js';
import { DEFAULTS } from './defaults.js';
import { fromEnv } from './from-env.js';

export type ConfigLayer = Partial<{ -readonly [K in keyof HarnessConfig]: HarnessConfig[K] }>;

export interface ConfigSources {
  readonly flags?: ConfigLayer;
  readonly env?: NodeJS.ProcessEnv;
  readonly profile?: ConfigLayer;
}

/**
 * Resolves the one configuration object: flags > env > target profile > defaults.
 * Undefined values in a layer do not override lower layers. The result is
 * validated against schemas/harness-config.schema.json and deeply frozen.
 */
export function resolveConfig(sources: ConfigSources = {}): Readonly<HarnessConfig> {
  const layers: ConfigLayer[] = [
    DEFAULTS,
    sources.profile ?? {},
    fromEnv(sources.env ?? process.env),
    sources.flags ?? {},
  ];
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key] = value;
  }
  const { valid, errors } = new ContractValidator().validate('harness-config.schema.json', merged);
  if (!valid) {
    const lines = errors.map(
      (e) =>
        `${e.instancePath === '' ? '(config)' : e.instancePath.slice(1)} ${e.message ?? 'is invalid'}${e.params !== undefined && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
    );
    throw new HarnessError('HARNESS_ERR_CONFIG_INVALID', `invalid configuration: ${lines.join('; ')}`);
  }
  return deepFreeze(merged as unknown as HarnessConfig);
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
