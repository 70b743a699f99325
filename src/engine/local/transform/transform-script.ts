import type { AnyNode } from 'acorn';
import { analyseBlocking } from './analyse-blocking.js';
import { esmToCjs } from './esm-to-cjs.js';
import type { FunctionNode } from './estree.js';
import { parseScript } from './parse-script.js';
import { applyEdits, type SourceEdit } from './source-edits.js';

/**
 * Turns a k6 ESM script into CommonJS whose blocking k6 calls are awaited (see
 * analyse-blocking.ts): one acorn parse, then text edits — `async ` before each function that
 * must become async, `(await …)` around each blocking call in an async function, and the
 * import/export rewrite of esm-to-cjs.ts. Done once per test run; each VU then evaluates the result.
 */
export function transformScript(source: string, fileName: string): string {
  const program = parseScript(source, fileName);
  const analysis = analyseBlocking(program, source);
  const edits: SourceEdit[] = [];
  for (const fn of analysis.asyncify) {
    const at = asyncKeywordAt(fn, analysis.parents.get(fn), source);
    edits.push({ start: at, end: at, text: 'async ' });
  }
  for (const call of analysis.awaited) {
    const span = call.end - call.start;
    // At one offset an enclosing call opens first and closes last.
    edits.push({ start: call.start, end: call.start, text: '(await ', order: -span });
    edits.push({ start: call.end, end: call.end, text: ')', order: span });
  }
  const module = esmToCjs(program, source);
  edits.push(...module.edits);
  // A hashbang line would end up inside the VU's function; it becomes a comment.
  if (source.startsWith('#!')) edits.push({ start: 0, end: 2, text: '//' });
  return module.header + applyEdits(source, edits);
}

/** Where `async ` goes: before `function` / the parameters, or before a method's name. */
function asyncKeywordAt(fn: FunctionNode, parent: AnyNode | undefined, source: string): number {
  const isMethod =
    parent !== undefined &&
    ((parent.type === 'MethodDefinition' && parent.value === fn) ||
      (parent.type === 'Property' && parent.value === fn && parent.method));
  if (!isMethod) return fn.start;
  // `static foo() {}` → `static async foo() {}`; `[key]() {}` → `async [key]() {}`.
  return parent.computed ? source.lastIndexOf('[', parent.key.start) : parent.key.start;
}
