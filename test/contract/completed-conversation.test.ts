import { describe, expect, it } from 'vitest';
import { expectCompletedConversation } from '../../contracts/kit/conversation-expect.js';
import { answer, fakeContext, profileWith } from '../support/fake-check.js';

/**
 * A completed conversation read back: its output against the workflow's output components and its
 * credit usage a number ≥ 0, where the profile's pointers say. The docs give no conversation shape,
 * so these fail only for a profile that declares its conversation block (else deviations).
 */
const output = { 'Analysis Results': 'x', 'Risk Score': 3 };

function judge(body: unknown, profile = profileWith({ conversation: {} }), role: 'fast' | 'slow' = 'fast') {
  const { ctx, findings } = fakeContext(() => answer(200, body), profile);
  expectCompletedConversation(ctx, answer(200, body, { endpoint: 'getConversationById' }), role);
  return findings;
}

describe('completed conversation', () => {
  it('a conversation with its output and credit usage passes', () => {
    const findings = judge({ status: 'completed', output, creditUsage: 2 });
    expect([...findings.failures, ...findings.deviations]).toEqual([]);
  });

  it('a missing output component or a negative credit usage fails where the profile declares the block', () => {
    const findings = judge({ output: { 'Analysis Results': 'x' }, creditUsage: -1 });
    expect(findings.failures.map((f) => [f.instancePath, f.schemaPath, f.basis])).toEqual([
      ['/output/Risk Score', 'workflows.fast.outputComponents#/required', 'inferred'],
      ['/creditUsage', 'CreditUsage#/minimum', 'inferred'],
    ]);
    expect(findings.deviations).toEqual([]);
  });

  it('without a conversation block in the profile the same differences are deviations only', () => {
    const findings = judge({ output: { 'Analysis Results': 'x' }, creditUsage: -1 }, profileWith());
    expect(findings.failures).toEqual([]);
    expect(findings.deviations.map((f) => f.instancePath)).toEqual(['/output/Risk Score', '/creditUsage']);
  });

  it("reads output and credit usage where the profile's pointers say", () => {
    const profile = profileWith({
      conversation: { outputPointer: '/result/out', creditUsagePointer: '/cost' },
    });
    expect(judge({ result: { out: output }, cost: 1 }, profile).failures).toEqual([]);
    const wrong = judge({ output, creditUsage: 1 }, profile);
    expect(new Set(wrong.failures.map((f) => f.instancePath))).toEqual(new Set(['/result/out', '/cost']));
  });

  it('a body that is not an object is one failure, and nothing read from it', () => {
    const findings = judge(['not', 'an', 'object']);
    expect(findings.failures.map((f) => f.schemaPath)).toEqual(['getConversationById body#/type']);
  });

  it('the whole body against conversation.schema.json only when the profile asks for it', () => {
    const body = { output, creditUsage: 1 };
    expect(judge(body).failures).toEqual([]);
    const strict = judge(body, profileWith({ conversation: { useReferenceSchema: true } }));
    expect(strict.failures.some((f) => f.schemaPath.startsWith('conversation.schema.json'))).toBe(true);
  });

  it('a role the profile lacks: only the credit usage is read', () => {
    const findings = judge({ creditUsage: 'free' }, profileWith({ conversation: {} }), 'slow');
    expect(findings.failures.map((f) => f.instancePath)).toEqual(['/creditUsage']);
  });
});
