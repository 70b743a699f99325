import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in `k6` executable (Node script) for testing engine selection and the child-process
 * contract: `version` prints the given version; `run` records its argv and the key variable it
 * received, writes k6's classic handleSummary data (HARNESS_SUMMARY_OUT), the dashboard export
 * (or, with FAKE_K6_SHORT=1, k6's real "not enough data" warning instead) and one answered
 * request as raw samples (gzipped when the --out path ends in .gz, as k6 does), and exits with FAKE_K6_EXIT. FAKE_K6_NO_SUMMARY=1 leaves the summary out.
 */
export function fakeK6(version: string): { bin: string; record: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-k6-'));
  const bin = join(dir, 'k6');
  const record = join(dir, 'record.json');
  writeFileSync(
    bin,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
if (args[0] === 'version') { console.log('k6 v${version} (go1.24.4, linux/amd64)'); process.exit(0); }
const value = (flag) => args[args.indexOf(flag) + 1];
const keyVar = process.env.API_KEY_ENV;
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args, keyVar, key: process.env[keyVar], target: JSON.parse(process.env.HARNESS_TARGET), dashboard: process.env.K6_WEB_DASHBOARD_EXPORT, dashboardHost: process.env.K6_WEB_DASHBOARD_HOST }));
const failed = process.env.FAKE_K6_EXIT === '99';
const rate = (passes, total) => ({ rate: passes / total, passes, fails: total - passes });
if (process.env.FAKE_K6_NO_SUMMARY !== '1') fs.writeFileSync(process.env.HARNESS_SUMMARY_OUT, JSON.stringify({ root_group: { name: '', path: '', groups: [], checks: [] }, options: {}, state: { testRunDurationMs: 1000 },
  metrics: { contract_violations: { type: 'rate', contains: 'default', values: rate(failed ? 1 : 0, 4), thresholds: { 'rate==0': { ok: !failed } } },
             'http_req_failed{scenario:sync-latency}': { type: 'rate', contains: 'default', values: rate(0, 4), thresholds: { 'rate<0.01': { ok: true } } } } }));
if (process.env.FAKE_K6_SHORT === '1') console.error('time="2026-11-30T13:17:08Z" level=warning msg="The test run was short, report generation was skipped (not enough data)"');
else fs.writeFileSync(process.env.K6_WEB_DASHBOARD_EXPORT, '<html>dashboard</html>');
const point = { type: 'Point', metric: 'http_reqs', data: { time: new Date().toISOString(), value: 1, tags: { endpoint: 'executeWorkflow' } } };
const out = value('--out').slice('json='.length);
// As k6 does: gzipped when the path ends in .gz, plain otherwise.
if (process.env.FAKE_K6_SILENT !== '1') fs.writeFileSync(out, out.endsWith('.gz') ? require('node:zlib').gzipSync(JSON.stringify(point) + '\\n') : JSON.stringify(point) + '\\n');
console.log('fake k6 ran ' + args.at(-1));
process.exit(Number(process.env.FAKE_K6_EXIT || '0'));
`,
  );
  chmodSync(bin, 0o755);
  return { bin, record };
}
