import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'content-type-ignored',
  title: 'Any request Content-Type is read as application/json (a gateway rewriting the header)',
  violates:
    "all endpoints: a valid JSON body sent as text/plain gets the profile's wrongContentTypeStatus (400 at the reference), never 200",
  needsProfile:
    'the docs only send application/json: without a declared wrongContentTypeStatus a 200 is observed as a deviation',
  hooks: () => ({
    intercept: ({ endpoint, request }) => {
      // Before the handler reads the header: the request then parses as JSON whatever it said.
      if (endpoint !== undefined) request.headers['content-type'] = 'application/json';
      return false;
    },
  }),
};
