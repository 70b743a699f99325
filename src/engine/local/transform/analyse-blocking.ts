import ts from 'typescript';
import { HTTP_BLOCKING, K6_BLOCKING, checkModule, unsupported } from '../supported.js';

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
  readonly asyncify: ReadonlySet<ts.Node>;
  isBlockingCall(call: ts.CallExpression): boolean;
}

type FunctionNode = ts.FunctionLikeDeclaration;

export function analyseBlocking(sf: ts.SourceFile): BlockingAnalysis {
  const httpObjects = new Set<string>();
  const k6Objects = new Set<string>();
  const blockingIdents = new Set<string>();
  const blockingProps = new Set<string>();
  const timerIdents = new Set(['setTimeout', 'setInterval']);
  const groupIdents = new Set<string>();

  for (const stmt of sf.statements) {
    if (
      (ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) &&
      stmt.moduleSpecifier !== undefined &&
      ts.isStringLiteral(stmt.moduleSpecifier)
    ) {
      const spec = stmt.moduleSpecifier.text;
      checkModule(spec);
      if (!ts.isImportDeclaration(stmt) || stmt.importClause === undefined) continue;
      const { name, namedBindings } = stmt.importClause;
      const objects = spec === 'k6/http' ? httpObjects : spec === 'k6' ? k6Objects : undefined;
      const blockingNames =
        spec === 'k6/http' ? HTTP_BLOCKING : spec === 'k6' ? K6_BLOCKING : new Set<string>();
      if (name !== undefined) objects?.add(name.text);
      if (namedBindings !== undefined && ts.isNamespaceImport(namedBindings))
        objects?.add(namedBindings.name.text);
      if (namedBindings !== undefined && ts.isNamedImports(namedBindings)) {
        for (const el of namedBindings.elements) {
          const imported = (el.propertyName ?? el.name).text;
          if (blockingNames.has(imported)) blockingIdents.add(el.name.text);
          if (spec === 'k6' && imported === 'group') groupIdents.add(el.name.text);
          if (spec === 'k6/timers' && (imported === 'setTimeout' || imported === 'setInterval'))
            timerIdents.add(el.name.text);
        }
      }
    }
  }

  const functions: FunctionNode[] = [];
  const directCalls = new Map<ts.Node, ts.CallExpression[]>();
  const visit = (node: ts.Node, owner: ts.Node | undefined): void => {
    if (ts.isCallExpression(node)) {
      checkDynamicLoad(node, sf);
      if (owner !== undefined) directCalls.get(owner)?.push(node);
    }
    if (ts.isImportDeclaration(node)) return;
    if (isFunctionNode(node)) {
      functions.push(node);
      directCalls.set(node, []);
      ts.forEachChild(node, (c) => visit(c, node));
      return;
    }
    ts.forEachChild(node, (c) => visit(c, owner));
  };
  visit(sf, undefined);

  const calleeOf = (call: ts.CallExpression): ts.Expression => skipParens(call.expression);
  const isBlockingCall = (call: ts.CallExpression): boolean => {
    const callee = calleeOf(call);
    if (ts.isIdentifier(callee)) return blockingIdents.has(callee.text);
    if (ts.isPropertyAccessExpression(callee)) {
      const member = callee.name.text;
      const target = skipParens(callee.expression);
      if (ts.isIdentifier(target) && httpObjects.has(target.text)) return HTTP_BLOCKING.has(member);
      if (ts.isIdentifier(target) && k6Objects.has(target.text)) return K6_BLOCKING.has(member);
      return blockingProps.has(member);
    }
    return false;
  };

  const asyncify = new Set<ts.Node>();
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of functions) {
      if (asyncify.has(fn) || isAsync(fn)) continue;
      if (!(directCalls.get(fn) ?? []).some(isBlockingCall)) continue;
      asyncify.add(fn);
      changed = true;
      const { ident, prop } = namesOf(fn);
      if (ident !== undefined) blockingIdents.add(ident);
      if (prop !== undefined) blockingProps.add(prop);
    }
  }

  const safeCallee = (call: ts.CallExpression): boolean => {
    const callee = calleeOf(call);
    if (ts.isIdentifier(callee)) return groupIdents.has(callee.text) || timerIdents.has(callee.text);
    if (ts.isPropertyAccessExpression(callee)) {
      const target = skipParens(callee.expression);
      if (ts.isIdentifier(target) && k6Objects.has(target.text) && callee.name.text === 'group') return true;
      return ['then', 'catch', 'finally'].includes(callee.name.text);
    }
    return false;
  };
  for (const fn of asyncify) checkPlacement(fn, sf, safeCallee);
  checkEscapingReferences(sf, blockingIdents, asyncify, safeCallee);
  return { asyncify, isBlockingCall };
}

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node)
  );
}

function isAsync(fn: FunctionNode): boolean {
  return (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
}

function skipParens(e: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(e) ? skipParens(e.expression) : e;
}

function propName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)
    ? name.text
    : undefined;
}

/** The names a function can be called by: its own, its variable's, or its property's. */
function namesOf(fn: FunctionNode): { ident?: string; prop?: string } {
  if (ts.isFunctionDeclaration(fn)) return fn.name === undefined ? {} : { ident: fn.name.text };
  if (ts.isMethodDeclaration(fn)) return { prop: propName(fn.name) };
  let parent = fn.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return { ident: parent.name.text };
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return { prop: propName(parent.name) };
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left))
    return { prop: parent.left.name.text };
  return {};
}

function where(node: ts.Node, sf: ts.SourceFile): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `script line ${line + 1}:${character + 1}`;
}

function checkDynamicLoad(call: ts.CallExpression, sf: ts.SourceFile): void {
  if (call.expression.kind === ts.SyntaxKind.ImportKeyword)
    throw unsupported('dynamic import()', where(call, sf));
  if (ts.isIdentifier(call.expression) && call.expression.text === 'require') {
    const arg = call.arguments[0];
    if (arg !== undefined && ts.isStringLiteral(arg)) checkModule(arg.text);
    else throw unsupported('require() with a computed module name', where(call, sf));
  }
}

function checkPlacement(fn: ts.Node, sf: ts.SourceFile, safeCallee: (c: ts.CallExpression) => boolean): void {
  if (ts.isFunctionLike(fn) && (fn as FunctionNode).asteriskToken !== undefined)
    throw unsupported('blocking k6 calls (http.*, sleep, group) inside a generator', where(fn, sf));
  if (ts.isConstructorDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) {
    throw unsupported(
      'blocking k6 calls (http.*, sleep, group) inside a constructor, getter or setter',
      where(fn, sf),
    );
  }
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return;
  let parent = fn.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  if (ts.isCallExpression(parent) && parent.arguments.some((a) => skipParens(a) === fn)) {
    if (!safeCallee(parent)) throw callbackError(parent, sf);
    return;
  }
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isNewExpression(parent) ||
    ts.isBinaryExpression(parent)
  )
    return;
  throw unsupported('a function that makes blocking k6 calls used where it cannot be awaited', where(fn, sf));
}

/** A named blocking function passed by reference (e.g. `items.forEach(fetchOne)`). */
function checkEscapingReferences(
  sf: ts.SourceFile,
  names: ReadonlySet<string>,
  asyncify: ReadonlySet<ts.Node>,
  safeCallee: (c: ts.CallExpression) => boolean,
): void {
  const localFns = new Set<string>();
  for (const fn of asyncify) {
    const { ident } = namesOf(fn as FunctionNode);
    if (ident !== undefined && names.has(ident)) localFns.add(ident);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      for (const arg of node.arguments) {
        const a = skipParens(arg);
        if (ts.isIdentifier(a) && localFns.has(a.text) && !safeCallee(node))
          throw callbackError(node, sf, a.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

function callbackError(call: ts.CallExpression, sf: ts.SourceFile, name?: string): Error {
  const callee = call.expression.getText(sf);
  return unsupported(
    `passing ${name === undefined ? 'a function' : `'${name}'`} that makes blocking k6 calls (http.*, sleep, group) as a callback to ${callee}()`,
    `${where(call, sf)} — the local engine can await such functions only when called directly, or passed to group() or timers; use a for…of loop`,
  );
}
