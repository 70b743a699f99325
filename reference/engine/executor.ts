import { performance } from 'node:perf_hooks';
import type { HistoryTurn, WorkflowDefinition } from '../workflows/index.js';
import type { Account } from './accounts.js';
import type { ConversationRecord, TurnRecord } from './conversation-store.js';
import { createRng, deriveSeed, type Rng } from './prng.js';

export interface ExecutorOptions {
  readonly seed: number;
  readonly timeScale: number;
  readonly extraLatencyMs: number;
  /** Fault hook: true keeps the execution running forever. */
  readonly hold?: (mode: TurnRecord['mode'], wf: WorkflowDefinition) => boolean;
}

interface Pending {
  readonly turn: TurnRecord;
  readonly account: Account;
  readonly cost: number;
  timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  readonly resolve: (turn: TurnRecord) => void;
}

export interface Started {
  readonly turn: TurnRecord;
  /** Resolves when the turn completes or fails (never, for a held execution, until drain). */
  readonly done: Promise<TurnRecord>;
  /** Scaled duration the timer was armed with; Infinity when a fault holds it. */
  readonly plannedMs: number;
}

const now = (): number => performance.timeOrigin + performance.now();

/**
 * Runs executions on timers: a turn is queued, runs for its workflow's seeded,
 * time-scaled duration, then completes or fails into its conversation. Credits
 * are reserved at acceptance and recorded on the turn when it finishes.
 */
/** What a drain did: in-flight executions that finished on their own vs recorded failed ('shutdown'). */
export interface DrainCount {
  readonly drained: number;
  readonly shutdown: number;
}

export class Executor {
  private readonly streams = new Map<string, Rng>();
  private readonly pending = new Set<Pending>();
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly options: ExecutorOptions) {}

  get inFlight(): number {
    return this.pending.size;
  }

  start(
    conversation: ConversationRecord,
    wf: WorkflowDefinition,
    input: Readonly<Record<string, unknown>>,
    mode: TurnRecord['mode'],
    account: Account,
  ): Started {
    const rng = this.stream(wf);
    const unscaledMs = wf.durationMs(rng, input);
    const durationMs = unscaledMs * this.options.timeScale + this.options.extraLatencyMs;
    // Drawn now, so each execution's outcome depends only on its order among this workflow's starts.
    const runRng = createRng(Math.floor(rng.next() * 4294967296));
    const history: HistoryTurn[] = conversation.turns.map((t) => ({
      input: t.input,
      output: t.output,
      status: t.status,
    }));
    const turn: TurnRecord = {
      mode,
      status: 'queued',
      input,
      output: null,
      executionPath: [],
      errors: [],
      warnings: [],
      creditUsage: 0,
      queuedAt: now(),
      startedAt: null,
      finishedAt: null,
    };
    conversation.turns.push(turn);
    conversation.version = wf.version;
    account.credits -= wf.creditCost;

    const held = this.options.hold?.(mode, wf) === true;
    const done = new Promise<TurnRecord>((resolve) => {
      const entry: Pending = { turn, account, cost: wf.creditCost, timer: undefined, resolve };
      this.pending.add(entry);
      const finish = (): void => {
        const result = wf.run({ input, history, rng: runRng, durationMs: unscaledMs });
        turn.output = result.output;
        turn.executionPath = result.executionPath;
        turn.errors = result.errors ?? [];
        turn.warnings = result.warnings ?? [];
        this.settle(entry, result.failed === true ? 'failed' : 'completed', wf.creditCost);
      };
      const run = (): void => {
        turn.status = 'running';
        turn.startedAt = now();
        if (held) {
          entry.timer = undefined;
          return;
        }
        // Timers cannot wait less than 1 ms; shorter work finishes on the next turn of the loop.
        entry.timer = durationMs < 1 ? setImmediate(finish) : setTimeout(finish, durationMs);
      };
      // Background work starts after the response is on its way, so 'queued' is real; sync starts at once.
      if (mode === 'background') entry.timer = setImmediate(run);
      else run();
    });
    return { turn, done, plannedMs: held ? Number.POSITIVE_INFINITY : durationMs };
  }

  /**
   * Waits (at most timeoutMs) for in-flight executions, then records every
   * remaining one — and every held one at once — as failed with a 'shutdown'
   * error, so no accepted execution is silently lost. Resolves with how many
   * in-flight executions finished on their own (drained) and how many were
   * recorded as failed ('shutdown'), so the caller can print both.
   */
  async drain(timeoutMs: number): Promise<DrainCount> {
    const inFlight = this.pending.size;
    let shutdown = 0;
    for (const entry of [...this.pending]) {
      if (entry.turn.status === 'running' && entry.timer === undefined) {
        this.abort(entry);
        shutdown += 1;
      }
    }
    if (this.pending.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idleWaiters.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
    for (const entry of [...this.pending]) {
      this.abort(entry);
      shutdown += 1;
    }
    return { drained: inFlight - shutdown, shutdown };
  }

  private abort(entry: Pending): void {
    const timer = entry.timer;
    if (timer !== undefined) {
      if ('refresh' in timer) clearTimeout(timer);
      else clearImmediate(timer);
    }
    entry.turn.errors = ['shutdown: the reference deployment stopped before this execution finished'];
    entry.turn.startedAt ??= now();
    // Work that never finished is not charged.
    entry.account.credits += entry.cost;
    this.settle(entry, 'failed', 0);
  }

  private settle(entry: Pending, status: 'completed' | 'failed', creditUsage: number): void {
    entry.turn.status = status;
    entry.turn.creditUsage = creditUsage;
    entry.turn.finishedAt = now();
    this.pending.delete(entry);
    entry.resolve(entry.turn);
    if (this.pending.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private stream(wf: WorkflowDefinition): Rng {
    const key = `${wf.id}@${wf.version}`;
    let rng = this.streams.get(key);
    if (rng === undefined) {
      rng = createRng(deriveSeed(this.options.seed, key));
      this.streams.set(key, rng);
    }
    return rng;
  }
}
