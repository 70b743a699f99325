import type { ComponentType } from '../types/generated/target-profile.js';

/**
 * The JSON Schema of one input or output component: a profile's shorthand ('text', 'number', …)
 * spelled out, an object taken as the schema it already is. One mapping for the checks
 * (contracts/kit), the reference's input validation and the OpenAPI export.
 */
export function componentSchema(type: ComponentType): Record<string, unknown> {
  if (typeof type === 'object') return type;
  switch (type) {
    case 'text':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'object':
      return { type: 'object' };
    case 'array':
      return { type: 'array' };
    case 'any':
      return {};
  }
}
