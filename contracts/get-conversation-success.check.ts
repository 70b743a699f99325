import {
  conversationReading,
  defineCheck,
  executeBody,
  expectCompletedConversation,
  getPointer,
  workflow,
} from './kit/index.js';

defineCheck(
  {
    id: 'get-conversation-success',
    title:
      'getConversationById after a sync execution: 200, JSON, completed status, output and creditUsage read through the profile',
    endpoints: ['executeWorkflow', 'getConversationById'],
    needs: ['workflow:fast', 'writes'],
    basis: 'documented',
  },
  async (ctx) => {
    const wf = workflow(ctx, 'fast');
    const exec = await ctx.api.post('executeWorkflow', executeBody(ctx));
    const conversationId = getPointer(exec.json, '/conversationId');
    if (!ctx.expect.status(exec, 200)) return;
    if (typeof conversationId !== 'string') {
      ctx.findings.fail({
        code: 'SCHEMA_VIOLATION',
        endpoint: 'executeWorkflow',
        response: exec,
        instancePath: '/conversationId',
        schemaPath: 'execute-response.schema.json#/required',
        received: conversationId,
        documented: 'a conversationId string',
      });
      return;
    }
    const res = await ctx.api.post('getConversationById', { workflowId: wf.workflowId, conversationId });
    if (!ctx.expect.status(res, 200)) return;
    ctx.expect.contentType(res);
    const read = conversationReading(ctx);
    const status = getPointer(res.json, read.statusPointer);
    if (typeof status !== 'string' || !read.completedValues.includes(status)) {
      ctx.findings.inferred(ctx.profile.conversation !== undefined, {
        code: 'UNEXPECTED_VALUE',
        endpoint: 'getConversationById',
        response: res,
        instancePath: read.statusPointer,
        schemaPath: 'target profile: conversation.completedValues',
        received: status,
        documented: read.completedValues,
      });
    }
    expectCompletedConversation(ctx, res, 'fast');
  },
);
