import { Option, type Command } from 'commander';
import type { ConfigLayer, HarnessConfig } from '../config/index.js';
import { HarnessError } from '../errors/index.js';
import { reportsDirFlag } from './project-root.js';

/**
 * The flags that set HarnessConfig, defined once: each command picks the ones it honours,
 * and `configFromFlags` turns what commander parsed into the flags layer of resolveConfig
 * (flags > env > profile > defaults). Help texts name the setting so README and errors agree.
 */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const FLAGS = {
  target: () =>
    new Option(
      '--target <name|url>',
      'targets/<name>.json or a bare URL (key in HARNESS_API_KEY); default: the embedded reference deployment',
    ),
  profile: () =>
    new Option('--profile <profile>', 'load profile').choices(['smoke', 'load', 'stress', 'soak', 'nightly']),
  engine: () =>
    new Option(
      '--engine <engine>',
      "k6 = K6_BIN or k6 on PATH (>= 1.0); local = this project's engine (not k6); auto = k6 when present",
    ).choices(['auto', 'k6', 'local']),
  timeScale: () =>
    new Option(
      '--time-scale <s>',
      'embedded reference: multiply every duration and the 30 s sync limit (default 0.02)',
    ),
  realTime: () => new Option('--real-time', 'embedded reference: time scale 1 (real durations; slow)'),
  fault: () =>
    new Option(
      '--fault <name>',
      'embedded reference: enable a fault mode (repeatable; `harness serve --list-faults`)',
    ).argParser(collect),
  seed: () =>
    new Option(
      '--seed <n>',
      'seed for generated inputs and the reference; printed so a run can be reproduced',
    ),
  reportsDir: () =>
    new Option(
      '--reports-dir <dir>',
      'where run folders are written (default: reports/ in the project root)',
    ),
  ci: () => new Option('--ci', 'quiet, machine-readable console output (also when CI=true)'),
  requestTimeout: () =>
    new Option('--request-timeout <ms>', 'bound on each check request (requestTimeoutMs, default 10000)'),
  connectTimeout: () =>
    new Option(
      '--connect-timeout <ms>',
      'bound on the connect probe before any work (connectTimeoutMs, default 3000)',
    ),
  loadTimeout: () =>
    new Option(
      '--load-timeout <ms>',
      "bound on the load engine process (loadTimeoutMs, default: the profile's planned duration + a margin)",
    ),
  maxCredits: () =>
    new Option(
      '--max-credits <n|unlimited>',
      'credit budget of the load: stop once the answers report this many credits spent (maxCredits; default 10000, unlimited for the embedded reference)',
    ),
} as const;

export type ConfigFlag = keyof typeof FLAGS;

export function addConfigFlags(command: Command, names: readonly ConfigFlag[]): Command {
  for (const name of names) command.addOption(FLAGS[name]());
  return command;
}

type Parsed = Partial<Record<ConfigFlag, string | string[] | boolean>>;

/** A numeric flag's value; a malformed one is a usage error naming the flag. */
export function numberFlag(flag: string, raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value)) {
    throw new HarnessError('HARNESS_ERR_USAGE', `${flag} ${JSON.stringify(raw)} is not a number`, {
      hint: `Pass a number, e.g. ${flag} 42.`,
    });
  }
  return value;
}

/** --max-credits: a number or `unlimited`; anything else is a usage error naming the flag. */
function creditsFlag(raw: string): number | 'unlimited' {
  return raw.trim() === 'unlimited' ? 'unlimited' : (numberFlag('--max-credits', raw) as number);
}

const text = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw : undefined);

/**
 * The flags layer from what commander parsed; `extra` adds settings a command fixes itself.
 * Async because the resolver (ajv and the schemas) loads only when a command runs: `--help`
 * and the flag definitions above must not pay for it.
 */
export async function configFromFlags(
  parsed: Readonly<Parsed>,
  extra: ConfigLayer = {},
): Promise<Readonly<HarnessConfig>> {
  if (parsed.realTime === true && parsed.timeScale !== undefined) {
    throw new HarnessError('HARNESS_ERR_USAGE', '--real-time and --time-scale contradict each other', {
      hint: 'Pass one of them.',
    });
  }
  const faults = parsed.fault;
  const layer: ConfigLayer = {
    target: text(parsed.target),
    loadProfile: text(parsed.profile) as ConfigLayer['loadProfile'],
    engine: text(parsed.engine) as ConfigLayer['engine'],
    reportsDir: reportsDirFlag(text(parsed.reportsDir)),
    faults: Array.isArray(faults) && faults.length > 0 ? faults : undefined,
    timeScale: parsed.realTime === true ? 1 : numberFlag('--time-scale', parsed.timeScale),
    seed: numberFlag('--seed', parsed.seed),
    ci: parsed.ci === true ? true : undefined,
    requestTimeoutMs: numberFlag('--request-timeout', parsed.requestTimeout),
    connectTimeoutMs: numberFlag('--connect-timeout', parsed.connectTimeout),
    loadTimeoutMs: numberFlag('--load-timeout', parsed.loadTimeout),
    maxCredits: typeof parsed.maxCredits === 'string' ? creditsFlag(parsed.maxCredits) : undefined,
    ...extra,
  };
  const { resolveConfig } = await import('../config/index.js');
  return resolveConfig({ flags: layer });
}
