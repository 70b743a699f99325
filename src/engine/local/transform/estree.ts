import type { AnyNode, ArrowFunctionExpression, FunctionDeclaration, FunctionExpression } from 'acorn';

/** A function with a body of its own: where an `await` may go once it is async. */
export type FunctionNode = FunctionDeclaration | FunctionExpression | ArrowFunctionExpression;

export function isFunctionNode(node: AnyNode): node is FunctionNode {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression'
  );
}

function isNode(value: unknown): value is AnyNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/**
 * Calls `visit` on each direct child of an ESTree node. Generic over the node's fields (acorn's
 * nodes hold children in plain properties), so no table of node kinds can fall out of date;
 * non-node values (a regex literal's RegExp, a template's cooked text) have no `type` and are skipped.
 */
export function forEachChild(node: AnyNode, visit: (child: AnyNode) => void): void {
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item);
    } else if (isNode(value)) visit(value);
  }
}

/** A property key's name as a call site would spell it (`#x` for private names); undefined when computed. */
export function keyName(key: AnyNode, computed: boolean): string | undefined {
  if (computed) return undefined;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** `script line L:C` of an offset, for messages; computed only when something is refused. */
export function where(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return `script line ${line}:${offset - before.lastIndexOf('\n')}`;
}
