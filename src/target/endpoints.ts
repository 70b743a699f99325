import type { TargetProfile } from '../types/generated/target-profile.js';

export const ENDPOINT_NAMES = [
  'executeWorkflow',
  'executeWorkflowBackground',
  'getConversationById',
] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

/** The documented paths (workflow-api-docs: POST https://api.arkai.app/api/<name>). */
export const DOCUMENTED_PATHS: Readonly<Record<EndpointName, string>> = Object.freeze({
  executeWorkflow: '/api/executeWorkflow',
  executeWorkflowBackground: '/api/executeWorkflowBackground',
  getConversationById: '/api/getConversationById',
});

/** Full URL of an endpoint of a target: baseUrl (may carry a path prefix) + path. */
export function endpointUrl(
  profile: Pick<TargetProfile, 'baseUrl' | 'endpoints'>,
  endpoint: EndpointName,
): string {
  const path = profile.endpoints?.[endpoint] ?? DOCUMENTED_PATHS[endpoint];
  return profile.baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}
