// k6 evaluates thresholds once more at the end of the test, also on metrics that never got a
// sample (their values are zeros): a Counter never added fails `count>0` → exit 99.
import { Counter } from 'k6/metrics';

const never = new Counter('never_added');

export const options = { iterations: 1, thresholds: { never_added: ['count>0'] } };

export default function () {
  if (__ENV.NEVER === 'add') never.add(1);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_OUT]: JSON.stringify(data) };
}
