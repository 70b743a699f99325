import http from 'node:http';
import https from 'node:https';
import type { Tags } from '../../metrics/types.js';
import type { SegmentedIndex } from '../segments/index.js';
import { setupDataView } from './setup-data-view.js';
import type { TestRun } from './test-run.js';

/** What a VU knows about the scenario it currently runs (k6/execution reads it). */
export interface ScenarioState {
  readonly name: string;
  readonly executor: string;
  readonly exec: string;
  readonly tags: Tags;
  /** Epoch ms when the scenario started. */
  startTime: number;
  /**
   * Hands out exec.scenario.iterationInInstance / iterationInTest: this instance's iterations
   * counted from 1, and their place among the whole test's (k6's SegmentedIndex).
   */
  readonly iterations: SegmentedIndex;
}

/**
 * One virtual user: its own module instance (the script evaluated for it), its own
 * connections (k6 gives each VU its own transport), its iteration counters, and the
 * bookkeeping k6's per-VU event loop needs (an iteration ends when the function returned
 * AND no timer or async request of it is still pending).
 */
export class Vu {
  exports: Record<string, unknown> = {};
  scenario: ScenarioState | undefined;
  /** __ITER and exec.vu.iterationInInstance. */
  iterationInInstance = -1;
  iterationInScenario = -1;
  /** exec.scenario.iterationInInstance / iterationInTest of the running iteration. */
  scenarioIterationInInstance = -1;
  iterationInTest = -1;
  groupPath = '';
  inInit = true;
  /** Running an iteration now. */
  busy = false;
  /** Bytes of this VU's requests since the last data_sent / data_received samples. */
  bytesSent = 0;
  bytesReceived = 0;
  /** Counted in the vus gauge by its executor for a whole loop (closed-model executors). */
  heldActive = false;
  /** Hard-stopped: whatever this VU still does is discarded. */
  halted = false;
  /** setup()'s data as JSON; each VU parses its own copy, as in k6. */
  private setupData: { json: string | undefined; value: unknown } | undefined;
  /** Set by http.setResponseCallback; undefined means "no callback" (null in k6). */
  responseCallback: ((status: number) => boolean) | null;
  readonly agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
  readonly timers = new Set<NodeJS.Timeout>();
  /** Abort functions of this VU's requests in flight. */
  readonly inflight = new Set<() => void>();
  setGlobals: (vu: number, iter: number) => void = () => undefined;
  private pending = 0;
  private disposed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    /** __VU and exec.vu.idInInstance. */
    readonly id: number,
    /** exec.vu.idInTest: this VU's place among the whole test's when the run is a segment. */
    readonly idInTest: number,
    readonly run: TestRun,
    readonly env: Readonly<Record<string, string>>,
    defaultCallback: (status: number) => boolean,
  ) {
    this.responseCallback = defaultCallback;
  }

  /** Tags every sample of this VU carries besides its own. */
  baseTags(): Record<string, string> {
    const out: Record<string, string> = { ...this.run.globalTags };
    if (this.scenario !== undefined) Object.assign(out, this.scenario.tags, { scenario: this.scenario.name });
    out.group = this.groupPath;
    return out;
  }

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending++;
    const done = (): void => {
      this.pending--;
      if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
    };
    promise.then(done, done);
    return promise;
  }

  hold(): () => void {
    this.pending++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.pending--;
      if (this.pending === 0) for (const w of this.idleWaiters.splice(0)) w();
    };
  }

  /**
   * k6 emits data_sent / data_received once per iteration (and per setup / teardown), with
   * the iteration's tags — 0 when nothing went over the network.
   */
  emitNetworkTrail(tags: Readonly<Record<string, string>>): void {
    this.run.emit('data_sent', this.bytesSent, tags);
    this.run.emit('data_received', this.bytesReceived, tags);
    this.bytesSent = 0;
    this.bytesReceived = 0;
  }

  /**
   * Resolves when nothing started by this VU is pending — checked again after the
   * continuations of what just finished had their turn, since they may start more.
   */
  async idle(): Promise<void> {
    while (this.pending > 0 && !this.halted && !this.disposed) {
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** setup()'s data for this VU: its own copy, seen through k6's Go-value semantics (setup-data-view.ts). */
  data(json: string | undefined): unknown {
    if (this.setupData === undefined || this.setupData.json !== json) {
      this.setupData = { json, value: json === undefined ? undefined : (JSON.parse(json) as unknown) };
    }
    return setupDataView(this.setupData.value);
  }

  /** Ends the requests in flight (the test is stopping); they are not reported. */
  abortRequests(): void {
    for (const abort of [...this.inflight]) abort();
  }

  dispose(): void {
    this.disposed = true;
    this.abortRequests();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.agents.http.destroy();
    this.agents.https.destroy();
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
