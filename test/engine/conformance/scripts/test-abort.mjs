// k6 docs (k6/execution test.abort, exit codes): test.abort() stops the test at once and
// k6 exits with 108 (ScriptAborted).
import http from 'k6/http';
import exec from 'k6/execution';

export const options = { scenarios: { s: { executor: 'shared-iterations', vus: 1, iterations: 50 } } };

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
  if (exec.scenario.iterationInTest === 2) exec.test.abort('enough');
}
