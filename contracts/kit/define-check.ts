import { test } from 'vitest';
import type { ContractFailure } from '../../src/types/generated/contract-failure.js';
import { firstLack, type Capability } from './capabilities.js';
import { Expectations } from './expect.js';
import { Findings, type Basis } from './findings.js';
import { boundHint } from '../../src/config/index.js';
import { DEFAULT_TIMEOUT_MS, TransportError, createClient, type ApiClient } from './http-client.js';
import { responseTimeHook } from './response-time.js';
import { getTarget, type CheckTarget, type EndpointName, type TargetProfile } from './target-context.js';

export interface CheckMeta {
  /** Stable id, e.g. "auth-missing-key"; the file is contracts/<id>.check.ts. */
  readonly id: string;
  readonly title: string;
  readonly endpoints: readonly EndpointName[];
  /** Capabilities of the target this check needs; the first missing one skips it with its reason. */
  readonly needs: readonly Capability[];
  /** Where the check's main expectation comes from (documented, inferred or typical). */
  readonly basis: Basis;
  /**
   * The check's own bound from the target (e.g. the polling budget) and what it is made of,
   * named in the failure when it is hit; never below 3 × requestTimeoutMs.
   */
  readonly bound?: (target: CheckTarget) => { readonly ms: number; readonly from: string };
}

export interface CheckContext {
  readonly target: CheckTarget;
  readonly profile: TargetProfile;
  readonly api: ApiClient;
  readonly expect: Expectations;
  readonly findings: Findings;
  readonly seed: number;
  /** Skips the check with its reason, when what it needs turns out to be missing at run time. */
  skip(reason: string): never;
}

class SkipSignal extends Error {}

/** What the runner reads back from each test (vitest task meta crosses the worker boundary). */
export interface CheckRecord {
  readonly id: string;
  readonly title: string;
  readonly endpoints: readonly string[];
  readonly basis: Basis;
  skipReason?: string;
  failures: ContractFailure[];
  deviations: ContractFailure[];
  observations: Record<string, unknown>;
}

declare module 'vitest' {
  interface TaskMeta {
    harness?: CheckRecord;
  }
}

/** Declares the one check of a contracts/*.check.ts file. */
export function defineCheck(meta: CheckMeta, body: (ctx: CheckContext) => Promise<void>): void {
  const target = getTarget();
  // Never below three requests' worth, so raising requestTimeoutMs cannot turn a slow answer into a test timeout.
  const requests = (target.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS) * 3;
  const own = meta.bound?.(target);
  const bound =
    own !== undefined && own.ms > requests
      ? own
      : { ms: requests, from: `3 × requestTimeoutMs ${boundHint('requestTimeoutMs')}` };
  // vitest's own timeout stays behind ours, so a hit bound is reported by name, not as "Test timed out".
  const timeout = bound.ms + 5_000;
  test(
    meta.id,
    async (t) => {
      const record: CheckRecord = {
        id: meta.id,
        title: meta.title,
        endpoints: [...meta.endpoints],
        basis: meta.basis,
        failures: [],
        deviations: [],
        observations: {},
      };
      t.task.meta.harness = record;
      const reason = firstLack(target, meta.needs);
      if (reason !== undefined) {
        record.skipReason = reason;
        t.skip(reason);
        return;
      }
      const findings = new Findings(meta.id);
      const skip = (why: string): never => {
        throw new SkipSignal(why);
      };
      const ctx: CheckContext = {
        target,
        profile: target.profile,
        api: createClient(target, { check: meta.id, onResponse: responseTimeHook(target.profile, findings) }),
        expect: new Expectations(findings),
        findings,
        seed: target.seed,
        skip,
      };
      let timer: NodeJS.Timeout | undefined;
      const boundHitSignal = new Promise<'bound'>((resolve) => {
        timer = setTimeout(() => resolve('bound'), bound.ms);
      });
      try {
        const ended = await Promise.race([body(ctx), boundHitSignal]);
        if (ended === 'bound') {
          findings.fail({
            code: 'CHECK_TIMEOUT',
            endpoint: '(check)',
            status: null,
            schemaPath: 'bound',
            received: `no result within ${bound.ms} ms`,
            receivedIsDescription: true,
            documented: `the check ends within its bound: ${bound.from}`,
          });
        }
      } catch (error) {
        if (error instanceof SkipSignal) {
          // Failures seen before the skip still count.
          if (findings.failures.length === 0) {
            record.skipReason = error.message;
            t.skip(error.message);
            return;
          }
        } else if (error instanceof TransportError) {
          findings.fail({
            code: 'TRANSPORT',
            endpoint: error.endpoint,
            request: error.request,
            ...(error.curl === undefined ? {} : { curl: error.curl }),
            status: null,
            schemaPath: 'transport',
            received: error.message,
            receivedIsDescription: true,
            documented: 'an HTTP response',
          });
        } else {
          throw error;
        }
      } finally {
        clearTimeout(timer);
        // Copies: a body still running past its bound must not change what was reported.
        record.failures = [...findings.failures];
        record.deviations = [...findings.deviations];
        record.observations = { ...findings.observations };
      }
      if (findings.failures.length > 0) throw new Error(findings.failures.map((f) => f.message).join('\n'));
    },
    timeout,
  );
}
