// k6 docs (executors/per-vu-iterations): each VU runs `iterations` times (vus × iterations
// in total). Also VU isolation: each VU evaluates the script itself, so the top-level
// counter counts that VU's own iterations only.
import http from 'k6/http';
import exec from 'k6/execution';

export const options = {
  scenarios: {
    perVu: { executor: 'per-vu-iterations', vus: 3, iterations: 4, maxDuration: '20s' },
  },
};

let counter = 0;

export default function () {
  counter += 1;
  http.get(
    `${__ENV.BASE_URL}/fast?vu=${exec.vu.idInTest}&counter=${counter}&iter=${exec.vu.iterationInScenario}&scenario=${exec.scenario.name}`,
  );
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
