import type { AnyNode, CallExpression, Program } from 'acorn';
import { HTTP_BLOCKING, K6_BLOCKING, checkModule, unsupported } from '../supported.js';
import { forEachChild, isFunctionNode, keyName, where, type FunctionNode } from './estree.js';

/**
 * k6 calls like http.get() and sleep() block the VU; on Node's single event loop they can
 * only be promises. This analysis finds every function that (transitively) makes such a
 * call so the transform can make it async and await the call — the script then keeps k6's
 * sequential semantics while hundreds of VUs share one thread.
 *
 * Resolution is by name (a bundle is one flat file), which over-approximates: an extra
 * `await` on a plain value is harmless. What cannot work — a blocking function handed as a
 * callback to code that will not await it (Array#forEach, a user's higher-order function) —
 * is refused at start with HARNESS_ERR_ENGINE_UNSUPPORTED instead of silently misbehaving.
 */
export interface BlockingAnalysis {
  /** Originally synchronous functions that must become async. */
  readonly asyncify: ReadonlySet<FunctionNode>;
  /** Blocking calls made directly in a function that is (or becomes) async: each gets an `await`. */
  readonly awaited: readonly CallExpression[];
  /** Each node's parent (where `async ` goes depends on it: a method's name, or the function). */
  readonly parents: ReadonlyMap<AnyNode, AnyNode>;
}

/** Names bound to k6's modules by the script's imports. */
interface K6Bindings {
  readonly httpObjects: Set<string>;
  readonly k6Objects: Set<string>;
  readonly blockingIdents: Set<string>;
  readonly groupIdents: Set<string>;
  readonly timerIdents: Set<string>;
}

export function analyseBlocking(program: Program, source: string): BlockingAnalysis {
  const bindings = k6Bindings(program);
  const { httpObjects, k6Objects, blockingIdents, groupIdents, timerIdents } = bindings;
  const blockingProps = new Set<string>();
  const parents = new Map<AnyNode, AnyNode>();
  const functions: FunctionNode[] = [];
  const directCalls = new Map<FunctionNode, CallExpression[]>();
  const allCalls: CallExpression[] = [];

  const visit = (node: AnyNode, owner: FunctionNode | undefined): void => {
    checkNode(node, owner, source);
    if (node.type === 'ImportDeclaration') return;
    if (node.type === 'CallExpression') {
      allCalls.push(node);
      if (owner !== undefined) directCalls.get(owner)?.push(node);
    }
    const inner = isFunctionNode(node) ? node : owner;
    if (inner === node) {
      functions.push(node);
      directCalls.set(node, []);
    }
    forEachChild(node, (child) => {
      parents.set(child, node);
      visit(child, inner);
    });
  };
  visit(program, undefined);

  const isBlockingCall = (call: CallExpression): boolean => {
    const callee = call.callee;
    if (callee.type === 'Identifier') return blockingIdents.has(callee.name);
    if (callee.type !== 'MemberExpression') return false;
    const member = keyName(callee.property, callee.computed);
    if (member === undefined) return false;
    const target = callee.object;
    if (target.type === 'Identifier' && httpObjects.has(target.name)) return HTTP_BLOCKING.has(member);
    if (target.type === 'Identifier' && k6Objects.has(target.name)) return K6_BLOCKING.has(member);
    return blockingProps.has(member);
  };

  const asyncify = new Set<FunctionNode>();
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of functions) {
      if (asyncify.has(fn) || fn.async) continue;
      if (!(directCalls.get(fn) ?? []).some(isBlockingCall)) continue;
      asyncify.add(fn);
      changed = true;
      const { ident, prop } = namesOf(fn, parents.get(fn));
      if (ident !== undefined) blockingIdents.add(ident);
      if (prop !== undefined) blockingProps.add(prop);
    }
  }

  const safeCallee = (call: CallExpression): boolean => {
    const callee = call.callee;
    if (callee.type === 'Identifier') return groupIdents.has(callee.name) || timerIdents.has(callee.name);
    if (callee.type !== 'MemberExpression') return false;
    const member = keyName(callee.property, callee.computed);
    const target = callee.object;
    if (target.type === 'Identifier' && k6Objects.has(target.name) && member === 'group') return true;
    return member === 'then' || member === 'catch' || member === 'finally';
  };
  for (const fn of asyncify) checkPlacement(fn, parents.get(fn), source, safeCallee);

  // A named blocking function passed by reference (e.g. `items.forEach(fetchOne)`).
  const localFns = new Set<string>();
  for (const fn of asyncify) {
    const { ident } = namesOf(fn, parents.get(fn));
    if (ident !== undefined) localFns.add(ident);
  }
  for (const call of allCalls) {
    for (const arg of call.arguments) {
      if (arg.type === 'Identifier' && localFns.has(arg.name) && !safeCallee(call))
        throw callbackError(call, source, arg.name);
    }
  }

  const awaited = functions
    .filter((fn) => fn.async || asyncify.has(fn))
    .flatMap((fn) => (directCalls.get(fn) ?? []).filter(isBlockingCall));
  return { asyncify, awaited, parents };
}

function k6Bindings(program: Program): K6Bindings {
  const b: K6Bindings = {
    httpObjects: new Set(),
    k6Objects: new Set(),
    blockingIdents: new Set(),
    groupIdents: new Set(),
    timerIdents: new Set(['setTimeout', 'setInterval']),
  };
  for (const stmt of program.body) {
    if (stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportAllDeclaration') {
      if (stmt.source !== null && stmt.source !== undefined) checkModule(String(stmt.source.value));
      continue;
    }
    if (stmt.type !== 'ImportDeclaration') continue;
    const spec = String(stmt.source.value);
    checkModule(spec);
    const objects = spec === 'k6/http' ? b.httpObjects : spec === 'k6' ? b.k6Objects : undefined;
    const blockingNames = spec === 'k6/http' ? HTTP_BLOCKING : spec === 'k6' ? K6_BLOCKING : undefined;
    for (const s of stmt.specifiers) {
      if (s.type !== 'ImportSpecifier') {
        objects?.add(s.local.name);
        continue;
      }
      const imported = keyName(s.imported, false);
      if (imported === undefined) continue;
      if (blockingNames?.has(imported) === true) b.blockingIdents.add(s.local.name);
      if (spec === 'k6' && imported === 'group') b.groupIdents.add(s.local.name);
      if (spec === 'k6/timers' && (imported === 'setTimeout' || imported === 'setInterval'))
        b.timerIdents.add(s.local.name);
    }
  }
  return b;
}

/** What is refused wherever it appears: dynamic loading, import.meta, top-level await. */
function checkNode(node: AnyNode, owner: FunctionNode | undefined, source: string): void {
  if (node.type === 'ImportExpression') throw unsupported('dynamic import()', where(source, node.start));
  if (node.type === 'MetaProperty' && node.meta.name === 'import')
    throw unsupported('import.meta', where(source, node.start));
  if (
    owner === undefined &&
    (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await))
  )
    throw unsupported('top-level await', where(source, node.start));
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') {
    const arg = node.arguments[0];
    if (arg?.type === 'Literal' && typeof arg.value === 'string') checkModule(arg.value);
    else throw unsupported('require() with a computed module name', where(source, node.start));
  }
}

/** The names a function can be called by: its own, its variable's, or its property's. */
function namesOf(fn: FunctionNode, parent: AnyNode | undefined): { ident?: string; prop?: string } {
  if (fn.type === 'FunctionDeclaration') return fn.id === null ? {} : { ident: fn.id.name };
  if (parent === undefined) return {};
  switch (parent.type) {
    case 'MethodDefinition':
    case 'Property':
    case 'PropertyDefinition':
      return parent.value === fn ? { prop: keyName(parent.key, parent.computed) } : {};
    case 'VariableDeclarator':
      return parent.id.type === 'Identifier' ? { ident: parent.id.name } : {};
    case 'AssignmentExpression':
      if (parent.left.type === 'Identifier') return { ident: parent.left.name };
      if (parent.left.type === 'MemberExpression')
        return { prop: keyName(parent.left.property, parent.left.computed) };
      return {};
    default:
      return {};
  }
}

/** Parents under which a function value is stored or constructed, never called un-awaited by JS itself. */
const STORED_IN = new Set([
  'VariableDeclarator',
  'Property',
  'PropertyDefinition',
  'ExportDefaultDeclaration',
  'NewExpression',
  'AssignmentExpression',
  'BinaryExpression',
  'LogicalExpression',
]);

function checkPlacement(
  fn: FunctionNode,
  parent: AnyNode | undefined,
  source: string,
  safeCallee: (call: CallExpression) => boolean,
): void {
  if (fn.generator)
    throw unsupported('blocking k6 calls (http.*, sleep, group) inside a generator', where(source, fn.start));
  const accessor =
    (parent?.type === 'MethodDefinition' && parent.kind !== 'method') ||
    (parent?.type === 'Property' && parent.kind !== 'init');
  if (accessor) {
    throw unsupported(
      'blocking k6 calls (http.*, sleep, group) inside a constructor, getter or setter',
      where(source, fn.start),
    );
  }
  // Declarations and methods are called by name: those calls get their await.
  if (fn.type === 'FunctionDeclaration' || parent?.type === 'MethodDefinition') return;
  if (parent?.type === 'Property' && parent.method) return;
  if (parent?.type === 'CallExpression' && parent.arguments.some((arg) => arg === fn)) {
    if (!safeCallee(parent)) throw callbackError(parent, source);
    return;
  }
  if (parent !== undefined && STORED_IN.has(parent.type)) return;
  throw unsupported(
    'a function that makes blocking k6 calls used where it cannot be awaited',
    where(source, fn.start),
  );
}

function callbackError(call: CallExpression, source: string, name?: string): Error {
  const callee = source.slice(call.callee.start, call.callee.end);
  return unsupported(
    `passing ${name === undefined ? 'a function' : `'${name}'`} that makes blocking k6 calls (http.*, sleep, group) as a callback to ${callee}()`,
    `${where(source, call.start)} — the local engine can await such functions only when called directly, or passed to group() or timers; use a for…of loop`,
  );
}
