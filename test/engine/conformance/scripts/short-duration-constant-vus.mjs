// k6 (lib/executor/constant_vus.go): a constant-vus duration below 1 s is a configuration
// error — exit 104 before anything runs.
import http from 'k6/http';

export const options = {
  scenarios: { brief: { executor: 'constant-vus', vus: 1, duration: '500ms' } },
};

export default function () {
  http.get(`${__ENV.BASE_URL}/fast`);
}
