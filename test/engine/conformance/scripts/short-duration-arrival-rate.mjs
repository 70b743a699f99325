// k6 (lib/executor/constant_arrival_rate.go): a constant-arrival-rate duration below 1 s is
// a configuration error — exit 104 before anything runs.
import http from 'k6/http';

export const options = {
  scenarios: {
    brief: {
      executor: 'constant-arrival-rate',
      rate: 10,
      timeUnit: '1s',
      duration: '900ms',
      preAllocatedVUs: 1,
    },
  },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
}
