// k6 v2.2.0's run flags: --iterations / --duration replace the script's scenarios (an implicit
// 'default' scenario is derived from them); --vus alone replaces the scenarios by a
// shared-iterations scenario of that many VUs and iterations.
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';

const seenVus = new Counter('cli_flags_vu');

export const options = {
  scenarios: { scripted: { executor: 'per-vu-iterations', vus: 1, iterations: 5 } },
};

export default function () {
  seenVus.add(1, { vu: String(exec.vu.idInTest), scenario_name: exec.scenario.name });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
