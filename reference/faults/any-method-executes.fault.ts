import type { FaultDefinition } from './fault.js';

export const fault: FaultDefinition = {
  name: 'any-method-executes',
  title: 'GET, PUT, PATCH and DELETE reach the endpoint handlers as if they were POST',
  violates:
    "all endpoints, other methods: the profile's otherMethodStatus (404 at the reference), never 200 (a PUT runs the workflow) nor 400",
  needsProfile:
    'the docs say nothing of other methods: without a declared otherMethodStatus the answers are observed as deviations',
  hooks: () => ({ acceptMethods: () => ['GET', 'PUT', 'PATCH', 'DELETE'] }),
};
