// k6 docs (executors/arrival-rate VU allocation): when no VU is free and maxVUs is reached,
// the iteration is not started and counts in dropped_iterations. One VU, 300 ms per
// iteration, 20 iterations/s for 1 s: most of the 20 are dropped.
import http from 'k6/http';

export const options = {
  scenarios: {
    starved: {
      executor: 'constant-arrival-rate',
      rate: 20,
      timeUnit: '1s',
      duration: '1s',
      preAllocatedVUs: 1,
      maxVUs: 1,
      gracefulStop: '2s',
    },
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/slow?ms=300`);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}
