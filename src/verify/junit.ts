import type { VerifyResult } from './check-result.js';

// XML 1.0 forbids these even escaped; a hostile body may contain them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const escape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(CONTROL_CHARS, '');

/**
 * verify.junit.xml: one testcase per check, a <failure> per contract violation, <skipped> with
 * its reason, and the failures' curl reproducers in <system-out>.
 */
export function toJUnit(result: VerifyResult): string {
  const s = result.summary;
  const total = result.checks.reduce((sum, c) => sum + c.durationMs, 0) / 1000;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="harness verify" tests="${result.checks.length}" failures="${s.failed}" skipped="${s.skipped}" time="${total.toFixed(3)}">`,
    `  <testsuite name="contracts: ${escape(result.target.name)}" tests="${result.checks.length}" failures="${s.failed}" skipped="${s.skipped}" time="${total.toFixed(3)}" timestamp="${result.startedAt}">`,
    `    <properties><property name="seed" value="${result.seed}"/><property name="baseUrl" value="${escape(result.target.baseUrl)}"/><property name="runId" value="${escape(result.runId)}"/></properties>`,
  ];
  for (const check of result.checks) {
    const open = `    <testcase classname="contracts" name="${escape(check.id)}" time="${(check.durationMs / 1000).toFixed(3)}">`;
    const accepted = (check.accepted ?? []).map(
      (a) =>
        `accepted [${a.failure.code}] ${a.failure.instancePath} ${a.failure.message} — ${a.reason} (until ${a.expires})`,
    );
    if (check.outcome === 'passed' && accepted.length === 0) {
      out.push(open.replace(/>$/, '/>'));
      continue;
    }
    out.push(open);
    if (check.outcome === 'skipped') out.push(`      <skipped message="${escape(check.reason ?? '')}"/>`);
    const curls = check.failures.flatMap((f) =>
      f.curl === undefined ? [] : [`# ${f.code} ${f.message}`, f.curl],
    );
    for (const f of check.failures) {
      const body = [
        `endpoint: ${f.endpoint}`,
        `status: ${f.status ?? 'none'}`,
        `instancePath: ${f.instancePath}`,
        `schemaPath: ${f.schemaPath}`,
        ...(f.curl === undefined ? [] : [`curl: ${f.curl}`]),
        `received: ${JSON.stringify(f.received)}`,
        `documented: ${JSON.stringify(f.documented)}`,
      ].join('\n');
      out.push(
        `      <failure type="${escape(f.code)}" message="${escape(f.message)}">${escape(body)}</failure>`,
      );
    }
    // CI shows system-out beside the failure: ready commands, with the key as "$VAR" to export.
    // Accepted findings pass the testcase but stay visible beside it.
    const systemOut = [...curls, ...accepted];
    if (systemOut.length > 0) out.push(`      <system-out>${escape(systemOut.join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>', '');
  return out.join('\n');
}
