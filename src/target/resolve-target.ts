import { HarnessError } from '../errors/index.js';
import { readApiKey } from '../secrets/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import { bareUrlProfile, isUrl, type BareWorkflow } from './bare-url.js';
import { startEmbedded } from './embedded.js';
import { TARGETS_DIR, loadProfile } from './load-profile.js';
import { probeReachable } from './probe.js';
import type { ResolvedTarget, TargetKeys } from './types.js';

export interface ResolveOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly targetsDir?: string;
  /** Overrides config.connectTimeoutMs (tests). */
  readonly connectTimeoutMs?: number;
  /** Bare URL only: workflows named with --workflow/--input. */
  readonly workflows?: readonly BareWorkflow[];
}

/**
 * Turns `config.target` into a deployment ready to use:
 *  - absent → starts the embedded reference (config.timeScale, config.faults, config.seed);
 *  - "http(s)://…" → a bare URL with documented paths, key from HARNESS_API_KEY;
 *  - a name → targets/<name>.json, validated.
 * Every user-fixable problem (unknown or invalid profile, missing key variable,
 * unreachable host, faults for a non-embedded target) is a HarnessError thrown here,
 * before any check or load runs. Call stop() when done.
 */
export async function resolveTarget(
  config: Pick<HarnessConfig, 'target' | 'timeScale' | 'faults' | 'seed' | 'connectTimeoutMs'>,
  options: ResolveOptions = {},
): Promise<ResolvedTarget> {
  const env = options.env ?? process.env;
  if (config.target === undefined) {
    return startEmbedded({
      timeScale: config.timeScale,
      faults: config.faults,
      ...(config.seed === undefined ? {} : { seed: config.seed }),
    });
  }
  if (config.faults.length > 0) {
    throw new HarnessError(
      'HARNESS_ERR_USAGE',
      `--fault (${config.faults.join(', ')}) only applies to the embedded reference, not to target "${config.target}"`,
      {
        hint: 'Drop --fault, or drop --target to verify the embedded reference with faults.',
      },
    );
  }
  const bare = isUrl(config.target);
  if (!bare && (options.workflows ?? []).length > 0)
    throw new HarnessError('HARNESS_ERR_USAGE', '--workflow applies to a bare URL target only', {
      hint: `Declare workflows in targets/${config.target}.json instead (workflows.fast / slow / conversational).`,
    });
  const profile = bare
    ? bareUrlProfile(config.target, env, options.workflows)
    : loadProfile(config.target, options.targetsDir ?? TARGETS_DIR);
  const keys = readKeys(profile, env);
  await probeReachable(profile.baseUrl, options.connectTimeoutMs ?? config.connectTimeoutMs);
  return {
    profile,
    keys,
    embedded: false,
    guessed: bare ? ['workflows.fast'] : [],
    bare,
    stop: () => Promise.resolve(),
  };
}

function readKeys(profile: TargetProfile, env: NodeJS.ProcessEnv): TargetKeys {
  const extra = profile.extraKeys ?? {};
  return {
    main: readApiKey(profile.apiKeyEnv, env),
    ...(extra.noPermission === undefined ? {} : { noPermission: readApiKey(extra.noPermission, env) }),
    ...(extra.noCredits === undefined ? {} : { noCredits: readApiKey(extra.noCredits, env) }),
  };
}
