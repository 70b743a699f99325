import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv } from '../../src/contract/index.js';
import { startEmbedded, type ResolvedTarget } from '../../src/target/index.js';
import type { HarFile } from '../../src/types/generated/har.js';
import type { HarWritten } from '../../src/har/index.js';
import { CheckRunner, runVerify, type VerifyResult } from '../../src/verify/index.js';

const validate = createAjv().getSchema('https://workflow-harness.example.org/schemas/har.schema.json');

/** `--har` on a real verify run: checks in worker threads spool, the parent merges. */
describe('verify --har records every check exchange as HAR 1.2', () => {
  const only = ['auth-missing-key', 'execute-success', 'other-methods', 'bad-request-content-type'];
  const file = join(mkdtempSync(join(tmpdir(), 'har-test-')), 'run.har');
  let target: ResolvedTarget;
  let runner: CheckRunner;
  let result: VerifyResult;
  let written: HarWritten | undefined;
  let har: HarFile;
  let text: string;

  beforeAll(async () => {
    runner = await CheckRunner.create({ only });
    target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 4 });
    result = await runVerify({ timeScale: 0.02, faults: [], seed: 4, reportsDir: 'reports' }, target, {
      runner,
      write: false,
      har: file,
      onHar: (w) => (written = w),
    });
    text = readFileSync(file, 'utf8');
    har = JSON.parse(text) as HarFile;
  }, 120_000);
  afterAll(async () => {
    await runner.close();
    await target.stop();
  });

  it('is valid against schemas/har.schema.json, with creator and caps', () => {
    expect(result.summary.failed).toBe(0);
    expect(validate?.(har), JSON.stringify(validate?.errors)).toBe(true);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('workflow-api-harness');
    expect(har.log._harness).toMatchObject({ droppedEntries: 0, truncatedBodies: 0 });
    expect(written).toMatchObject({ file, entries: har.log.entries.length, bytes: text.length });
  });

  it('holds the exchanges of every check run, in start order, with method, body and response', () => {
    const byCheck = new Map<string, number>();
    for (const e of har.log.entries) byCheck.set(e.comment ?? '', (byCheck.get(e.comment ?? '') ?? 0) + 1);
    // auth-missing-key: 3 endpoints; other-methods: 3 × 4 methods; content type: 3 × 2.
    expect(byCheck.get('check auth-missing-key')).toBe(3);
    expect(byCheck.get('check other-methods')).toBe(12);
    expect(byCheck.get('check bad-request-content-type')).toBe(6);
    expect(byCheck.get('check execute-success')).toBeGreaterThanOrEqual(1);
    const starts = har.log.entries.map((e) => e.startedDateTime);
    expect(starts).toEqual([...starts].sort());
    expect(new Set(har.log.entries.map((e) => e.request.method))).toEqual(
      new Set(['POST', 'GET', 'PUT', 'PATCH', 'DELETE']),
    );
    const get = har.log.entries.find((e) => e.request.method === 'GET');
    expect(get?.request.postData).toBeUndefined();
    expect(get?.response.status).toBe(404);
    const plain = har.log.entries.find((e) => e.request.postData?.mimeType.startsWith('text/plain'));
    expect(plain?.response.status).toBe(400);
    const ok = har.log.entries.find(
      (e) => e.comment === 'check execute-success' && e.response.status === 200,
    );
    expect(JSON.parse(ok?.response.content.text ?? '{}')).toHaveProperty('conversationId');
    expect(ok?.response.content.mimeType).toMatch(/^application\/json/);
    for (const e of har.log.entries) expect(e.time).toBeCloseTo(e.timings.wait + e.timings.receive, 6);
  });

  it('never contains an API key: x-api-key is [REDACTED]', () => {
    for (const key of [target.keys.main, target.keys.noPermission, target.keys.noCredits])
      expect(text).not.toContain(key);
    const keyHeaders = har.log.entries.flatMap((e) =>
      e.request.headers.filter((h) => h.name === 'x-api-key'),
    );
    expect(keyHeaders.length).toBeGreaterThan(0);
    for (const h of keyHeaders) expect(h.value).toBe('[REDACTED]');
  });

  it('without --har nothing is spooled or written', async () => {
    const again = await startEmbedded({ timeScale: 0.02, faults: [], seed: 4 });
    let heard = false;
    try {
      await runVerify({ timeScale: 0.02, faults: [], seed: 4, reportsDir: 'reports' }, again, {
        runner,
        write: false,
        onHar: () => (heard = true),
      });
    } finally {
      await again.stop();
    }
    expect(heard).toBe(false);
  }, 60_000);
});
