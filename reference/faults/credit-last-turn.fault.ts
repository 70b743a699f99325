import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'credit-last-turn',
  title: "A conversation's creditUsage is its latest turn's, not the sum over its turns",
  violates:
    'getConversationById /creditUsage: the sum of the turns\' creditUsage (the profile\'s conversation.creditAccounting "sum"); needs a profile declaring it',
  needsProfile: 'conversation.creditAccounting: the docs do not say how a conversation adds up its credits',
  hooks: () => ({
    answer(answer, ctx) {
      if (answer.reason !== 'ok' || ctx.endpoint !== 'getConversationById') return answer;
      const body = answer.body as { turns?: Array<{ creditUsage?: unknown }> } & Record<string, unknown>;
      const last = body.turns?.[body.turns.length - 1];
      return last === undefined ? answer : { ...answer, body: { ...body, creditUsage: last.creditUsage } };
    },
  }),
};
