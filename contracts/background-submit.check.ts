import {
  defineCheck,
  executeBody,
  getPointer,
  immediateBound,
  IMMEDIATE_SAMPLES,
  timeSubmits,
} from './kit/index.js';

defineCheck(
  {
    id: 'background-submit',
    title:
      'executeWorkflowBackground: 200, JSON, {conversationId, creditUsage}, its own time within background.immediateMs (creditUsage 0 is typical)',
    endpoints: ['executeWorkflowBackground'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
  },
  async (ctx) => {
    // The slow workflow makes "returns immediately" meaningful: its run outlasts the answer.
    const role = ctx.profile.workflows.slow === undefined ? 'fast' : 'slow';
    const timing = await timeSubmits(ctx, () => executeBody(ctx, role));
    const res = timing.submits[0];
    if (res === undefined) return;
    ctx.findings.observe('workflowRole', role);
    const bound = immediateBound(ctx);
    ctx.findings.observe('timing', {
      samples: IMMEDIATE_SAMPLES,
      fastestSubmitMs: Math.round(timing.fastestSubmitMs),
      fastestBaselineMs: Math.round(timing.fastestBaselineMs),
      ownMs: Math.round(timing.ownMs),
      boundMs: bound.ms,
      boundFrom: bound.from,
    });
    for (const submit of timing.submits) if (!ctx.expect.status(submit, 200)) return;
    ctx.expect.contentType(res);
    if (!ctx.expect.schema(res, 'background-response.schema.json')) return;
    const credit = getPointer(res.json, '/creditUsage');
    if (credit !== 0) {
      ctx.findings.typical({
        code: 'UNEXPECTED_VALUE',
        endpoint: 'executeWorkflowBackground',
        response: res,
        instancePath: '/creditUsage',
        schemaPath: 'docs: "Initial credit usage (typically 0 as execution is not complete)"',
        received: credit,
        documented: 0,
      });
    }
    if (timing.ownMs > bound.ms) {
      ctx.findings.fail({
        code: 'NOT_IMMEDIATE',
        endpoint: 'executeWorkflowBackground',
        response: res,
        schemaPath: 'docs: "returns immediately with a conversation ID"',
        received: `fastest of ${IMMEDIATE_SAMPLES} submits ${Math.round(timing.fastestSubmitMs)} ms − fastest of ${IMMEDIATE_SAMPLES} cheap requests ${Math.round(timing.fastestBaselineMs)} ms = ${Math.round(timing.ownMs)} ms`,
        receivedIsDescription: true,
        documented: `≤ ${bound.ms} ms of its own (${bound.from})`,
      });
    }
  },
);
