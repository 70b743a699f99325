import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReference, type RunningReference } from '../../reference/index.js';

let ref: RunningReference;
beforeAll(async () => {
  ref = await startReference({ timeScale: 0.01 });
});
afterAll(async () => {
  await ref.close();
});

describe("the docs' own JavaScript example", () => {
  it('sends {"First Name": "John", Age: 30} with fetch exactly as documented and gets an output', async () => {
    const apiKey = ref.keys.full;
    const workflowId = '12345';

    const response = await fetch(`${ref.url}/api/executeWorkflow`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'x-api-key': apiKey,
      },
      body: JSON.stringify({
        workflowId: workflowId,
        version: 1,
        input: {
          'First Name': 'John',
          Age: 30,
        },
      }),
    });

    const result = (await response.json()) as { output?: Record<string, unknown> };
    expect(response.status).toBe(200);
    expect(Object.keys(result.output ?? {}).sort()).toEqual(['Analysis Results', 'Risk Score']);
    expect(typeof result.output?.['Analysis Results']).toBe('string');
    expect(typeof result.output?.['Risk Score']).toBe('number');
  });

  it('the background example returns a conversationId and creditUsage 0', async () => {
    const response = await fetch(`${ref.url}/api/executeWorkflowBackground`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-api-key': ref.keys.full },
      body: JSON.stringify({ workflowId: '12345', version: 1, input: { 'First Name': 'John', Age: 30 } }),
    });
    const result = (await response.json()) as { conversationId?: unknown; creditUsage?: unknown };
    expect(response.status).toBe(200);
    expect(typeof result.conversationId).toBe('string');
    expect(result.creditUsage).toBe(0);
  });
});
