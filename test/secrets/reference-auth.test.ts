import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference } from '../../reference/index.js';
import { post } from '../robustness/support/http.js';

/**
 * Issue 6: the reference compares keys in constant time and its 401 does not reveal whether a
 * key exists — a missing key, an unknown key, a near-miss of a real key and a real key's
 * prefix all get the same status and the same body on every endpoint.
 */
type Reference = Awaited<ReturnType<typeof startReference>>;
let ref: Reference;
beforeAll(async () => {
  ref = await startReference({ port: 0, timeScale: 0.001, faults: [], seed: 7 });
});
afterAll(async () => {
  await ref.close();
});

describe('reference authentication', () => {
  it('compares keys with crypto.timingSafeEqual, and never with === on a key', () => {
    // A walk, not `git ls-files`: the mutation run's sandbox is a copy outside git's view.
    const files = readdirSync('reference', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `reference/${f}`);
    const sources = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
    const users = sources.filter(([, text]) => /timingSafeEqual/.test(text));
    expect(
      users.map(([f]) => f),
      'a file of reference/ uses crypto.timingSafeEqual',
    ).not.toEqual([]);
    // A Map/object lookup by the raw key would short-circuit on the first differing byte.
    const suspicious = sources.filter(([, text]) =>
      /keys?\.(get|has)\(\s*(apiKey|key|presented|header)/i.test(text),
    );
    expect(suspicious.map(([f]) => f)).toEqual([]);
  });

  it.each(['executeWorkflow', 'executeWorkflowBackground', 'getConversationById'])(
    '%s: 401 is identical for missing, unknown, near-miss and prefix keys',
    async (endpoint) => {
      const fast = ref.profile().workflows.fast;
      const body = JSON.stringify(
        endpoint === 'getConversationById'
          ? { workflowId: fast.workflowId, conversationId: 'c-1' }
          : { workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput },
      );
      const real = ref.keys.full;
      const flip = (s: string, i: number): string =>
        s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
      const candidates: Record<string, string | undefined> = {
        missing: undefined,
        empty: '',
        unknown: 'not-a-key-of-this-deployment-0000',
        lastCharFlipped: flip(real, real.length - 1),
        firstCharFlipped: flip(real, 0),
        prefix: real.slice(0, Math.max(1, real.length - 4)),
        extended: `${real}x`,
        upperCased: real.toUpperCase() === real ? real.toLowerCase() : real.toUpperCase(),
      };
      const answers = [];
      for (const [name, key] of Object.entries(candidates)) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (key !== undefined) headers['x-api-key'] = key;
        const answer = await post(`${ref.url}/api/${endpoint}`, body, headers);
        answers.push({ name, status: answer.status, text: answer.text });
      }
      for (const answer of answers) {
        expect(answer.status, answer.name).toBe(401);
        expect(answer.text, answer.name).toBe(answers[0]?.text);
        expect(answer.text).not.toContain(real);
      }
    },
  );
});
