import { HarnessError } from '../../../errors/index.js';
import type { ThresholdSpec } from '../../metrics/types.js';
import { COMMON_FIELDS, EXECUTORS, type ScenarioConfig } from '../executors/index.js';
import { SUPPORTED_OPTIONS, unsupported } from '../supported.js';
import { parseDuration } from './duration.js';
import {
  checkSegmentInSequence,
  executionTuple,
  parseExecutionSegment,
  parseExecutionSegmentSequence,
  type ExecutionSegment,
  type ExecutionSegmentSequence,
  type ExecutionTuple,
} from '../segments/index.js';

export interface EngineOptions {
  readonly scenarios: readonly ScenarioConfig[];
  readonly thresholds: Readonly<Record<string, readonly ThresholdSpec[]>>;
  readonly summaryTrendStats: readonly string[] | undefined;
  readonly setupTimeoutMs: number;
  readonly teardownTimeoutMs: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly userAgent: string;
  readonly discardResponseBodies: boolean;
  readonly maxRedirects: number;
  /** `executionSegment` / `executionSegmentSequence` (script or CLI); undefined when not given. */
  readonly segment: ExecutionSegment | undefined;
  readonly sequence: ExecutionSegmentSequence | undefined;
  /** The segment in its (filled) sequence: what every executor scales by (the whole test: 0:1 of 0,1). */
  readonly tuple: ExecutionTuple;
}

const bad = (message: string): HarnessError => new HarnessError('HARNESS_ERR_ENGINE_OPTIONS', message);

function stringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw bad(`${what} must be an object of strings`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

/**
 * The script's exported `options`, checked against what the local engine honours: unknown
 * options, executors and scenario fields are refused (HARNESS_ERR_ENGINE_UNSUPPORTED) so
 * nothing is silently ignored. The vus/iterations/duration shortcuts become the implicit
 * scenario 'default' exactly as k6 derives it.
 */
export function parseOptions(raw: unknown, warn: (message: string) => void = () => undefined): EngineOptions {
  const o = (raw ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object' || Array.isArray(o)) throw bad('the exported options must be an object');
  for (const key of Object.keys(o)) {
    if (o[key] === undefined) continue;
    if (key === 'stages')
      throw unsupported(
        'options.stages (the ramping-vus executor)',
        'use an arrival-rate executor in options.scenarios',
      );
    if (!SUPPORTED_OPTIONS.includes(key))
      throw unsupported(`the option '${key}'`, `supported options are ${SUPPORTED_OPTIONS.join(', ')}`);
  }
  const thresholds: Record<string, ThresholdSpec[]> = {};
  for (const [metric, spec] of Object.entries((o.thresholds ?? {}) as Record<string, unknown>)) {
    thresholds[metric] = (Array.isArray(spec) ? spec : [spec]) as ThresholdSpec[];
  }
  const segment = segmentOption(o.executionSegment, 'executionSegment', parseExecutionSegment);
  const sequence = segmentOption(
    o.executionSegmentSequence,
    'executionSegmentSequence',
    parseExecutionSegmentSequence,
  );
  checkSegmentInSequence(segment, sequence);
  return {
    segment,
    sequence,
    tuple: executionTuple(segment, sequence),
    scenarios: scenarios(o, warn),
    thresholds,
    summaryTrendStats: Array.isArray(o.summaryTrendStats) ? o.summaryTrendStats.map(String) : undefined,
    setupTimeoutMs: parseDuration(o.setupTimeout ?? '60s', 'options.setupTimeout'),
    teardownTimeoutMs: parseDuration(o.teardownTimeout ?? '60s', 'options.teardownTimeout'),
    tags: stringMap(o.tags, 'options.tags'),
    userAgent: typeof o.userAgent === 'string' ? o.userAgent : 'k6/local-engine (not k6; https://k6.io/)',
    discardResponseBodies: o.discardResponseBodies === true,
    maxRedirects: typeof o.maxRedirects === 'number' && o.maxRedirects >= 0 ? o.maxRedirects : 10,
  };
}

/** A segment option: a string as k6 reads it (the CLI flags replace the script's value). */
function segmentOption<T>(value: unknown, key: string, parse: (text: string) => T): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw bad(`options.${key} must be a string, got ${JSON.stringify(value)}`);
  return parse(value);
}

/**
 * k6's executor.DeriveScenariosFromShortcuts: `iterations` or `duration` next to `scenarios`
 * is a conflict; `vus` alone (no iterations, duration) replaces the scenarios by a
 * shared-iterations 'default' scenario of `vus` iterations, with k6's warning.
 */
function scenarios(o: Record<string, unknown>, warn: (message: string) => void): ScenarioConfig[] {
  if (o.scenarios === undefined) return [implicitScenario(o)];
  for (const key of ['iterations', 'duration'])
    if (o[key] !== undefined)
      throw bad(`using \`${key}\` and \`scenarios\` options simultaneously is not allowed`);
  if (o.vus !== undefined) {
    warn(`\`vus=${JSON.stringify(o.vus)}\` overrides scenarios configuration`);
    return [implicitScenario(o)];
  }
  return explicitScenarios(o.scenarios);
}

function implicitScenario(o: Record<string, unknown>): ScenarioConfig {
  const base = {
    name: 'default',
    exec: 'default',
    startTimeMs: 0,
    gracefulStopMs: 30_000,
    env: {},
    tags: {},
  };
  if (o.duration !== undefined && o.iterations === undefined) {
    const executor = EXECUTORS.get('constant-vus');
    return {
      ...base,
      executor: 'constant-vus',
      params: executor?.parse({ vus: o.vus ?? 1, duration: o.duration }, 'default') ?? {},
    };
  }
  // k6: `vus` without iterations runs one iteration per VU.
  const raw: Record<string, unknown> = { vus: o.vus ?? 1, iterations: o.iterations ?? o.vus ?? 1 };
  if (o.duration !== undefined) raw.maxDuration = o.duration;
  return {
    ...base,
    executor: 'shared-iterations',
    params: EXECUTORS.get('shared-iterations')?.parse(raw, 'default') ?? {},
  };
}

function explicitScenarios(value: unknown): ScenarioConfig[] {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.keys(value).length === 0
  ) {
    throw bad('options.scenarios must be an object with at least one scenario');
  }
  return Object.entries(value as Record<string, Record<string, unknown>>).map(([name, s]) => {
    if (!/^[0-9A-Za-z_-]+$/.test(name))
      throw bad(`scenario name '${name}' may only contain letters, digits, '_' and '-'`);
    const executorName = String(s.executor);
    const executor = EXECUTORS.get(executorName);
    if (executor === undefined) {
      throw unsupported(
        `the executor '${executorName}' (scenario '${name}')`,
        `supported executors are ${[...EXECUTORS.keys()].join(', ')}`,
      );
    }
    for (const key of Object.keys(s)) {
      if (!COMMON_FIELDS.includes(key) && !executor.fields.includes(key))
        throw unsupported(`the field '${key}' in scenario '${name}' (${executorName})`);
    }
    return {
      name,
      executor: executorName,
      exec: typeof s.exec === 'string' ? s.exec : 'default',
      startTimeMs: parseDuration(s.startTime ?? 0, `scenario '${name}': startTime`),
      gracefulStopMs: parseDuration(s.gracefulStop ?? '30s', `scenario '${name}': gracefulStop`),
      env: stringMap(s.env, `scenario '${name}': env`),
      tags: stringMap(s.tags, `scenario '${name}': tags`),
      params: executor.parse(s, name),
    };
  });
}
