// The executors of every load profile, one table: pure data (no k6 runtime, no __ENV), so the
// harness reads the same table to print the plan and the cost estimate before load starts.
import type { Scenario } from 'k6/options';

export type LoadProfileName = 'smoke' | 'load' | 'stress' | 'soak' | 'nightly';
export type ScenarioName = 'sync-latency' | 'timeout-boundary' | 'background-polling' | 'mixed';
type Executors = Record<ScenarioName, Scenario>;

const arrival = (rate: number, duration: string, maxVUs: number): Scenario => ({
  executor: 'constant-arrival-rate',
  rate,
  timeUnit: '1s',
  duration,
  preAllocatedVUs: Math.min(maxVUs, Math.max(2, Math.ceil(rate / 4))),
  maxVUs,
});

export const EXECUTORS: Record<LoadProfileName, Executors> = {
  // Seconds long: proves every path works (and is what the tests run, time-scaled).
  smoke: {
    'sync-latency': arrival(10, '3s', 20),
    'timeout-boundary': { executor: 'shared-iterations', vus: 4, iterations: 8, maxDuration: '2m' },
    'background-polling': { executor: 'per-vu-iterations', vus: 4, iterations: 2, maxDuration: '2m' },
    mixed: { executor: 'constant-vus', vus: 3, duration: '4s' },
  },
  load: {
    'sync-latency': arrival(50, '2m', 200),
    'timeout-boundary': { executor: 'constant-vus', vus: 10, duration: '2m' },
    'background-polling': arrival(5, '2m', 400),
    mixed: { executor: 'constant-vus', vus: 20, duration: '5m' },
  },
  stress: {
    'sync-latency': {
      executor: 'ramping-arrival-rate',
      startRate: 10,
      timeUnit: '1s',
      preAllocatedVUs: 50,
      maxVUs: 1000,
      stages: [
        { target: 100, duration: '1m' },
        { target: 400, duration: '2m' },
        { target: 400, duration: '2m' },
        { target: 0, duration: '30s' },
      ],
    },
    'timeout-boundary': { executor: 'constant-vus', vus: 50, duration: '3m' },
    'background-polling': arrival(50, '3m', 2000),
    mixed: { executor: 'constant-vus', vus: 100, duration: '5m' },
  },
  soak: {
    'sync-latency': arrival(20, '1h', 200),
    'timeout-boundary': { executor: 'constant-vus', vus: 5, duration: '1h' },
    'background-polling': arrival(2, '1h', 400),
    mixed: { executor: 'constant-vus', vus: 30, duration: '2h' },
  },
  nightly: {
    'sync-latency': arrival(30, '10m', 200),
    'timeout-boundary': { executor: 'constant-vus', vus: 10, duration: '10m' },
    'background-polling': arrival(5, '10m', 600),
    mixed: { executor: 'constant-vus', vus: 20, duration: '20m' },
  },
};
