import { describe, expect, it } from 'vitest';
import type { TestRun } from '../../src/distribute/index.js';
import { findCrd, testRunValidator } from './crd-schema.js';
import { distributed, writtenObjects } from './fixture.js';

// The generated TestRun, as written to testrun.yaml, against k6-operator's own CRD schema
// (../shared/k6-operator/k6.io_testruns.yaml beside the checkout, read in place, never copied;
// HARNESS_K6_OPERATOR_CRD names another copy). A checkout without it skips these tests, and the
// skipped tests' names say which file is missing.
const crd = findCrd();
const title = `the TestRun against the CRD schema (k6.io_testruns.yaml${crd === undefined ? ': not found beside the checkout, ../shared/k6-operator/, nor in HARNESS_K6_OPERATOR_CRD' : ''})`;

describe.skipIf(crd === undefined)(title, () => {
  const validate = testRunValidator(crd ?? '');

  it.each([1, 2, 3, 16])('parallelism %i: testrun.yaml is a valid TestRun', async (parallelism) => {
    const d = await distributed({
      parallelism,
      namespace: 'load',
      image: 'grafana/k6:2.2.0',
      separate: parallelism > 2,
    });
    const { testRun } = writtenObjects(d);
    expect(validate(testRun)).toEqual({ valid: true, errors: [] });
    expect(testRun).toEqual(JSON.parse(JSON.stringify(d.testRun)));
    expect((testRun as TestRun).spec.parallelism).toBe(parallelism);
  });

  it('a TestRun with a mistake is rejected, each with its JSON pointer (the validation can fail)', async () => {
    const d = await distributed();
    const good = writtenObjects(d).testRun as TestRun;
    const REMOVE = Symbol('remove');
    /** The manifest with the value at a dotted path replaced (or removed), validated. */
    const mutate = (path: string, value: unknown): ReturnType<typeof validate> => {
      const copy = structuredClone(good) as unknown as Record<string, unknown>;
      const keys = path.split('.');
      const last = keys.pop() ?? '';
      const parent = keys.reduce((node, k) => node[k] as Record<string, unknown>, copy);
      if (value === REMOVE) delete parent[last];
      else parent[last] = value;
      return validate(copy);
    };
    expect(mutate('spec.parallelism', '2')).toMatchObject({
      valid: false,
      errors: [expect.stringContaining('/spec/parallelism must be integer')],
    });
    // int32: one more than the CRD's format allows.
    expect(mutate('spec.parallelism', 2 ** 31).errors).toEqual([
      expect.stringContaining('/spec/parallelism must match format "int32"'),
    ]);
    expect(mutate('spec.script', REMOVE).errors).toEqual([
      expect.stringContaining("must have required property 'script'"),
    ]);
    expect(
      mutate('spec.runner.volumeMounts.0', {
        name: 'harness-results',
        mountPath: '/harness-results',
        subpathExpr: '$(HARNESS_TEST_ID)/$(POD_NAME)',
      }).errors,
    ).toEqual([
      expect.stringContaining(
        '/spec/runner/volumeMounts/0 must NOT have additional properties "subpathExpr"',
      ),
    ]);
    expect(mutate('spec.runner.env.0.valueFrom.fieldRef', {}).errors).toEqual([
      expect.stringContaining(
        "/spec/runner/env/0/valueFrom/fieldRef must have required property 'fieldPath'",
      ),
    ]);
    expect(mutate('spec.args', '--out json=x').errors).toEqual([
      expect.stringContaining('/spec/args must be array'),
    ]);
    // x-kubernetes-list-type: map — two resource claims of one name.
    expect(mutate('spec.runner.resources', { claims: [{ name: 'gpu' }, { name: 'gpu' }] }).errors).toEqual([
      expect.stringContaining('/spec/runner/resources/claims must pass "x-kubernetes-list-type"'),
    ]);
    // int-or-string quantities: a number and a string are both fine, an object is not.
    expect(mutate('spec.runner.resources', { limits: { cpu: 2, memory: '1Gi' } }).valid).toBe(true);
    expect(mutate('spec.runner.resources', { limits: { cpu: { n: 2 } } }).valid).toBe(false);
  });
});
