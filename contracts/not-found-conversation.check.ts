import { defineCheck, unknownId, workflow } from './kit/index.js';

defineCheck(
  {
    id: 'not-found-conversation',
    title: '404 with {"error"} from getConversationById for an unknown conversation',
    endpoints: ['getConversationById'],
    needs: ['workflow:fast'],
    basis: 'documented',
  },
  async (ctx) => {
    const res = await ctx.api.post('getConversationById', {
      workflowId: workflow(ctx, 'fast').workflowId,
      conversationId: unknownId(ctx, 'conversation'),
    });
    ctx.expect.errorBody(res, 404);
  },
);
