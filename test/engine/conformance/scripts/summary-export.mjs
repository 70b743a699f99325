// k6 v2.2.0's --summary-export file (without --new-machine-readable-summary): root_group with
// groups and checks keyed by name, flat metric values (a rate as passes/fails/value), and
// thresholds as {expression: crossed} — true when the threshold failed.
import { check, group } from 'k6';
import { Counter, Rate } from 'k6/metrics';

const ratio = new Rate('export_ratio');
const never = new Counter('export_never');

export const options = {
  iterations: 2,
  thresholds: { export_ratio: ['rate>0.9'], export_never: ['count>=0'] },
};

export default function () {
  group('outer', () => {
    check(__ITER, { 'is a number': (i) => typeof i === 'number' });
  });
  ratio.add(__ITER === 0);
  if (__ENV.NEVER === 'add') never.add(1);
}
