import { isAbsolute, resolve } from 'node:path';
import { HarnessError } from '../errors/index.js';
import { bareUrlProfile, isUrl, loadProfile } from '../target/index.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { DistributeOptions } from './distribute.js';
import { MAX_TESTRUN_NAME, checkName, isConfigKey } from './k8s-names.js';

/** What commander parsed for `harness distribute` (beyond the config flags). */
export interface DistributeFlags {
  readonly parallelism?: string;
  readonly scenario?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly secret?: string;
  readonly secretKey?: string;
  readonly resultsClaim?: string;
  readonly image?: string;
  readonly out?: string;
  readonly separate?: boolean;
}

/** spec.parallelism is an int32 in the CRD. */
const MAX_PARALLELISM = 2 ** 31 - 1;

const invalid = (message: string, hint: string): HarnessError =>
  new HarnessError('HARNESS_ERR_DISTRIBUTE_INVALID', message, { hint });

function parallelismOf(raw: string | undefined): number {
  const n = raw === undefined ? NaN : Number(raw);
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw) || n < 1 || n > MAX_PARALLELISM)
    throw invalid(
      raw === undefined
        ? '--parallelism is required'
        : `--parallelism ${JSON.stringify(raw)} is not a whole number from 1 to ${MAX_PARALLELISM}`,
      'Pass the number of k6 runner pods, e.g. --parallelism 4: each runs one execution segment of the test.',
    );
  return n;
}

const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * The target the runners call: a profile or a URL, never the embedded reference nor a loopback
 * address (in a pod, loopback is the pod itself). Loaded without its key and without a probe:
 * the cluster, not this machine, must reach it.
 */
function targetProfile(config: Pick<HarnessConfig, 'target'>): DistributeOptions['profile'] {
  if (config.target === undefined)
    throw invalid(
      '--target is required: the embedded reference runs on this machine, which no runner pod can reach',
      'Pass --target <profile> (targets/<name>.json) or --target https://host reachable from the cluster.',
    );
  const profile = isUrl(config.target) ? bareUrlProfile(config.target, {}) : loadProfile(config.target);
  const host = new URL(profile.baseUrl).hostname;
  if (LOOPBACK.test(host))
    throw invalid(
      `the target ${profile.name} is on a loopback address (${profile.baseUrl}): from a runner pod that is the pod itself`,
      'Point baseUrl (or --target) at an address the cluster reaches, e.g. the deployment’s Service or ingress name.',
    );
  return profile;
}

/** Flags + resolved config → the options of distribute(); every mistake is a named error before any work. */
export function resolveDistributeFlags(
  flags: Readonly<DistributeFlags>,
  config: Pick<HarnessConfig, 'target' | 'maxCredits' | 'loadProfile' | 'loadTimeoutMs'>,
  cwd: string = process.cwd(),
): Omit<DistributeOptions, 'testId'> {
  const parallelism = parallelismOf(flags.parallelism);
  const profile = targetProfile(config);
  const scenario = flags.scenario ?? 'all';
  const name = checkName('--name', flags.name ?? `harness-${scenario}`, 'label', MAX_TESTRUN_NAME);
  const secretKey = flags.secretKey ?? profile.apiKeyEnv;
  if (!isConfigKey(secretKey))
    throw invalid(
      `--secret-key ${JSON.stringify(secretKey)} is not a valid key of a Secret's data`,
      'Use letters, digits, "-", "_" and ".", e.g. --secret-key api-key.',
    );
  const out = flags.out ?? `k6-operator-${name}`;
  return {
    profile,
    config,
    scenario,
    parallelism,
    name,
    ...(flags.namespace === undefined
      ? {}
      : { namespace: checkName('--namespace', flags.namespace, 'label') }),
    secret: { name: checkName('--secret', flags.secret ?? 'harness-api-key', 'subdomain'), key: secretKey },
    resultsClaim: checkName('--results-claim', flags.resultsClaim ?? 'harness-results', 'subdomain'),
    ...(flags.image === undefined ? {} : { image: flags.image }),
    ...(flags.separate === true ? { separate: true } : {}),
    outDir: isAbsolute(out) ? out : resolve(cwd, out),
  };
}
