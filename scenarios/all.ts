// Every scenario in one script, side by side (`--scenario all`). Each k6 scenario runs the
// default function, which dispatches on the scenario's name (k6/execution), so the script
// does not depend on per-scenario `exec`.
import execution from 'k6/execution';
import { backgroundPolling } from './background-polling.js';
import { type ScenarioName, combinedOptions } from './lib/profiles.js';
import { mixed } from './mixed.js';
import { syncLatency } from './sync-latency.js';
import { timeoutBoundary } from './timeout-boundary.js';

const RUN: Record<ScenarioName, () => void | Promise<void>> = {
  'sync-latency': syncLatency,
  'timeout-boundary': timeoutBoundary,
  'background-polling': backgroundPolling,
  mixed,
};

export const options = combinedOptions(Object.keys(RUN) as ScenarioName[]);
export { handleSummary } from './lib/summary.js';

export default async function all(): Promise<void> {
  await RUN[execution.scenario.name as ScenarioName]();
}
