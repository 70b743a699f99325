import { isIP } from 'node:net';
import { HarnessError } from '../src/errors/index.js';
import { randomKeys, type ReferenceKeys } from './engine/accounts.js';

export interface ReferenceOptions {
  /** Default '127.0.0.1'; a non-loopback host is refused. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Default 1; multiplies every workflow duration and the sync limit. */
  timeScale?: number;
  /** Fault names to enable (see listFaults()). */
  faults?: readonly string[];
  /** Seeds every duration and flakiness distribution; default 1. */
  seed?: number;
  /** Default: three random keys per start ('ref_' + 32 hex). */
  keys?: Partial<ReferenceKeys>;
  /** Default 30 000 (before time scaling). */
  syncLimitMs?: number;
  /** Max conversations kept; the least recently used finished ones are evicted. Default 100 000. */
  retention?: number;
  /** Added to every execution, unscaled: lets tests inject a slowdown. Default 0. */
  extraLatencyMs?: number;
  /** Bound on draining in-flight executions at close. Default 5 000. */
  drainTimeoutMs?: number;
}

export type ResolvedOptions = Readonly<Required<Omit<ReferenceOptions, 'keys'>>>;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

export function isLoopback(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function check(name: string, value: number, ok: boolean, range: string): number {
  if (!ok || !Number.isFinite(value)) {
    throw new HarnessError(
      'HARNESS_ERR_REFERENCE_OPTION',
      `reference option ${name}=${String(value)} is out of range (${range})`,
    );
  }
  return value;
}

export function resolveOptions(options: ReferenceOptions = {}): {
  resolved: ResolvedOptions;
  keys: ReferenceKeys;
} {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new HarnessError(
      'HARNESS_ERR_REFERENCE_NOT_LOOPBACK',
      `refusing to listen on ${host}: the reference deployment listens on loopback only`,
    );
  }
  const port = options.port ?? 0;
  const timeScale = options.timeScale ?? 1;
  const seed = options.seed ?? 1;
  const syncLimitMs = options.syncLimitMs ?? 30_000;
  const retention = options.retention ?? 100_000;
  const extraLatencyMs = options.extraLatencyMs ?? 0;
  const drainTimeoutMs = options.drainTimeoutMs ?? 5_000;
  const resolved: ResolvedOptions = Object.freeze({
    host,
    port: check('port', port, Number.isInteger(port) && port >= 0 && port <= 65535, 'integer 0–65535'),
    timeScale: check('timeScale', timeScale, timeScale > 0 && timeScale <= 1000, '> 0, ≤ 1000'),
    faults: Object.freeze([...new Set(options.faults ?? [])]),
    seed: check(
      'seed',
      seed,
      Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff,
      'integer 0–4294967295',
    ),
    syncLimitMs: check('syncLimitMs', syncLimitMs, syncLimitMs > 0, '> 0'),
    retention: check('retention', retention, Number.isInteger(retention) && retention >= 1, 'integer ≥ 1'),
    extraLatencyMs: check('extraLatencyMs', extraLatencyMs, extraLatencyMs >= 0, '≥ 0'),
    drainTimeoutMs: check('drainTimeoutMs', drainTimeoutMs, drainTimeoutMs >= 0, '≥ 0'),
  });
  const keys: ReferenceKeys = { ...randomKeys(), ...definedOnly(options.keys ?? {}) };
  return { resolved, keys };
}

function definedOnly(keys: Partial<ReferenceKeys>): Partial<ReferenceKeys> {
  return Object.fromEntries(Object.entries(keys).filter(([, v]) => typeof v === 'string' && v !== ''));
}
