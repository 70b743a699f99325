import type { ComponentType } from '../types/generated/target-profile.js';

/** A plausible value of one component type, for a response example (the profile has no sample output). */
export function exampleValue(type: ComponentType): unknown {
  const schema: Record<string, unknown> =
    typeof type === 'string' ? { type } : type;
  if (schema.examples instanceof Array && schema.examples.length > 0) return schema.examples[0];
  if (schema.enum instanceof Array && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'text':
    case 'string':
      return 'text';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

/** An output object with one example value per output component. */
export function exampleOutput(components: Record<string, ComponentType>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(components).map(([id, type]) => [id, exampleValue(type)]));
}
