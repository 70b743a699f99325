import { describe, expect, it } from 'vitest';
import { toJUnit } from '../../src/verify/junit.js';
import { checkResult, failure, verifyResult } from './result-fixture.js';

/**
 * verify.junit.xml as CI reads it, exactly: the suite's counts and time, a self-closing testcase
 * per clean pass, <skipped> with its reason, a <failure> per violation with what was received
 * and documented, the reproducers and accepted findings in <system-out>, everything escaped and
 * the control characters XML 1.0 forbids removed.
 */
const HOSTILE = 'a <b> & "c"\u0000\u0008\u000b\u000c\u000e\u001f\tend';

describe('verify JUnit document', () => {
  it('writes each outcome as CI shows it, escaped, with the reproducers and accepted findings beside', () => {
    const result = verifyResult(
      [
        checkResult({ id: 'a-pass', durationMs: 5 }),
        checkResult({ id: 'b-skip', outcome: 'skipped', reason: 'needs "extra" keys', durationMs: 0 }),
        checkResult({
          id: 'c-fail',
          outcome: 'failed',
          durationMs: 1234,
          failures: [
            failure({ check: 'c-fail', message: HOSTILE, curl: "curl -X POST 'http://x.invalid/a?b&c'" }),
            failure({
              check: 'c-fail',
              status: null,
              code: 'TIMEOUT',
              instancePath: '',
              schemaPath: 'status',
              received: null,
              documented: { max: 1 },
            }),
          ],
        }),
        checkResult({
          id: 'd-acpt',
          durationMs: 1,
          accepted: [{ failure: failure({ check: 'd-acpt' }), reason: 'ticket 12', expires: '2099-01-01' }],
        }),
      ],
      { target: { name: 'ref<1>', baseUrl: 'http://127.0.0.1:1/?a&b', embedded: false }, runId: 'r"1' },
    );
    expect(toJUnit(result).split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="harness verify" tests="4" failures="1" skipped="1" time="1.240">',
      '  <testsuite name="contracts: ref&lt;1&gt;" tests="4" failures="1" skipped="1" time="1.240" timestamp="2026-11-30T10:00:00.000Z">',
      '    <properties><property name="seed" value="42"/><property name="baseUrl" value="http://127.0.0.1:1/?a&amp;b"/><property name="runId" value="r&quot;1"/></properties>',
      '    <testcase classname="contracts" name="a-pass" time="0.005"/>',
      '    <testcase classname="contracts" name="b-skip" time="0.000">',
      '      <skipped message="needs &quot;extra&quot; keys"/>',
      '    </testcase>',
      '    <testcase classname="contracts" name="c-fail" time="1.234">',
      '      <failure type="SCHEMA_MISMATCH" message="a &lt;b&gt; &amp; &quot;c&quot;\tend">endpoint: POST /v1/workflows/fast/execute',
      'status: 200',
      'instancePath: /credits',
      'schemaPath: #/properties/credits/type',
      "curl: curl -X POST 'http://x.invalid/a?b&amp;c'",
      'received: &quot;three&quot;',
      'documented: &quot;integer&quot;</failure>',
      '      <failure type="TIMEOUT" message="credits must be integer">endpoint: POST /v1/workflows/fast/execute',
      'status: none',
      'instancePath: ',
      'schemaPath: status',
      'received: null',
      'documented: {&quot;max&quot;:1}</failure>',
      '      <system-out># SCHEMA_MISMATCH a &lt;b&gt; &amp; &quot;c&quot;\tend',
      "curl -X POST 'http://x.invalid/a?b&amp;c'</system-out>",
      '    </testcase>',
      '    <testcase classname="contracts" name="d-acpt" time="0.001">',
      '      <system-out>accepted [SCHEMA_MISMATCH] /credits credits must be integer — ticket 12 (until 2099-01-01)</system-out>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  it('a skipped check without a reason and a failure without a reproducer leave those parts empty', () => {
    const xml = toJUnit(
      verifyResult([
        checkResult({ id: 's', outcome: 'skipped' }),
        checkResult({ id: 'f', outcome: 'failed', failures: [failure({ check: 'f' })] }),
      ]),
    );
    expect(xml).toContain(
      '<testcase classname="contracts" name="s" time="0.012">\n      <skipped message=""/>',
    );
    expect(xml).not.toContain('<system-out>');
    expect(xml).not.toContain('curl:');
  });
});
