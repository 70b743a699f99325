import type { AddressInfo } from 'node:net';
import { HarnessError } from '../src/errors/index.js';
import { registerSecret } from '../src/secrets/index.js';
import type { TargetProfile } from '../src/types/generated/target-profile.js';
import { Accounts, type ReferenceKeys } from './engine/accounts.js';
import { ConversationStore } from './engine/conversation-store.js';
import { Executor, type DrainCount } from './engine/executor.js';
import { createRng, deriveSeed } from './engine/prng.js';
import { resolveFaults, type FaultHooks } from './faults/index.js';
import { resolveOptions, type ReferenceOptions, type ResolvedOptions } from './options.js';
import { buildProfile, KEY_ENV } from './profile.js';
import { buildServer } from './server/build-server.js';
import type { ReferenceState } from './server/state.js';
import {
  executeRequestValidator,
  getConversationRequestValidator,
  inputValidator,
} from './server/validators.js';
import { CATALOGUE, catalogueKey } from './workflows/index.js';

/** How long answers to drained requests may take to flush before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;

export interface RunningReference {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly url: string;
  readonly keys: ReferenceKeys;
  readonly options: ResolvedOptions;
  /** A complete, valid TargetProfile for this instance (keys by env var name, see keyEnv()). */
  profile(): TargetProfile;
  /** The keys under the env var names profile() uses; pass to child processes. */
  keyEnv(): Record<string, string>;
  /** Stops accepting, drains in-flight executions (bounded by drainTimeoutMs), then closes; resolves with the drain's counts. */
  close(): Promise<DrainCount>;
}

export async function startReference(options: ReferenceOptions = {}): Promise<RunningReference> {
  const { resolved, keys } = resolveOptions(options);
  const faults = resolveFaults(resolved.faults);
  for (const key of [keys.full, keys.noPermission, keys.noCredits]) registerSecret(key);
  const hooks: FaultHooks[] = faults.map((f) =>
    f.hooks({
      rng: createRng(deriveSeed(resolved.seed, `fault:${f.name}`)),
      syncLimitMs: resolved.syncLimitMs * resolved.timeScale,
    }),
  );
  const holds = hooks.flatMap((h) => (h.holdExecution === undefined ? [] : [h.holdExecution.bind(h)]));
  const versions = new Map<string, number[]>();
  for (const wf of CATALOGUE)
    versions.set(
      wf.id,
      [...(versions.get(wf.id) ?? []), wf.version].sort((a, b) => a - b),
    );
  // Compile every validator now, not on the first request.
  executeRequestValidator();
  getConversationRequestValidator();
  for (const wf of CATALOGUE) inputValidator(wf);

  const state: ReferenceState = {
    options: resolved,
    accounts: new Accounts(keys),
    store: new ConversationStore(resolved.retention),
    executor: new Executor({
      seed: resolved.seed,
      timeScale: resolved.timeScale,
      extraLatencyMs: resolved.extraLatencyMs,
      ...(holds.length === 0 ? {} : { hold: (mode, wf) => holds.some((hold) => hold(mode, wf)) }),
    }),
    hooks,
    answerHooks: hooks.flatMap((h) => (h.answer === undefined ? [] : [h.answer.bind(h)])),
    workflows: new Map(CATALOGUE.map((wf) => [catalogueKey(wf.id, wf.version), wf])),
    versions,
    syncLimitMs: resolved.syncLimitMs * resolved.timeScale,
    requestCount: 0,
  };
  const app = buildServer(state);
  try {
    await app.listen({ host: resolved.host, port: resolved.port });
  } catch (error) {
    throw new HarnessError(
      'HARNESS_ERR_REFERENCE_LISTEN',
      `cannot listen on ${resolved.host}:${resolved.port}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const frozenKeys = Object.freeze({ ...keys });
  let closing: Promise<DrainCount> | undefined;

  return {
    url,
    keys: frozenKeys,
    options: resolved,
    profile: () => buildProfile(url, resolved, CATALOGUE),
    keyEnv: () => ({
      [KEY_ENV.full]: keys.full,
      [KEY_ENV.noPermission]: keys.noPermission,
      [KEY_ENV.noCredits]: keys.noCredits,
    }),
    close() {
      closing ??= (async () => {
        // Stop accepting first; in-flight sync requests finish (or fail with 'shutdown') during the drain.
        const closed = app.close();
        const count = await state.executor.drain(resolved.drainTimeoutMs);
        // Sockets that were busy when close began stay open (keep-alive) after their answer; close them
        // as they go idle, and cut any that still linger after a grace period so close() is bounded.
        const idle = setInterval(() => app.server.closeIdleConnections(), 10);
        const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
          await closed;
        } finally {
          clearInterval(idle);
          clearTimeout(cut);
        }
        return count;
      })();
      return closing;
    },
  };
}
