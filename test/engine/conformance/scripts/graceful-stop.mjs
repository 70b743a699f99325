// k6 docs (executors, gracefulStop): when the duration is over, running iterations get
// gracefulStop to finish; then they are interrupted and not counted in `iterations`.
import http from 'k6/http';
import { sleep } from 'k6';

export const options = {
  scenarios: { short: { executor: 'constant-vus', vus: 2, duration: '1s', gracefulStop: '300ms' } },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
  sleep(5);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
