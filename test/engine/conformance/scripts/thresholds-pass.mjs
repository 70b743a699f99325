// Conformance (thresholds): every threshold passes → k6 exits 0. Custom metrics only,
// so the expectations follow from the script alone (k6 docs: thresholds, k6/metrics).
import { check, group } from 'k6';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';

const items = new Counter('conf_items');
const level = new Gauge('conf_level');
const good = new Rate('conf_good');
const size = new Trend('conf_size');

export const options = {
  scenarios: { once: { executor: 'per-vu-iterations', vus: 1, iterations: 5 } },
  thresholds: {
    conf_items: ['count==10', 'count>=10'],
    conf_level: ['value==5'],
    conf_good: ['rate>0.7', 'rate<=0.8'],
    conf_size: ['avg==3', 'min==1', 'max==5', 'med==3', 'p(90)<4.7', 'p(90)>4.5'],
    checks: ['rate==1'],
  },
};

export default function () {
  const i = __ITER + 1;
  items.add(2);
  level.add(i);
  good.add(i !== 3);
  size.add(i);
  group('work', () => {
    check(i, { 'is positive': (v) => v > 0 });
  });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_OUT]: JSON.stringify(data) };
}
