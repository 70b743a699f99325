import ts from 'typescript';
import { HarnessError } from '../../../errors/index.js';
import { analyseBlocking, type BlockingAnalysis } from './analyse-blocking.js';

/**
 * Turns a k6 ESM bundle into CommonJS whose blocking k6 calls are awaited (see
 * analyse-blocking.ts). TypeScript's own transpiler does the ESM→CJS step; our pass runs
 * before it on the same AST. Done once per test run; each VU then evaluates the result.
 */
export function transformScript(source: string, fileName: string): string {
  let failure: Error | undefined;
  const before: ts.TransformerFactory<ts.SourceFile> = (context) => (sf) => {
    try {
      return ts.visitNode(sf, makeVisitor(context, analyseBlocking(sf)), ts.isSourceFile) ?? sf;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      return sf;
    }
  };
  const out = ts.transpileModule(source, {
    // .mjs would make TypeScript keep ESM; the real name is only used in messages.
    fileName: 'script.js',
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      allowJs: true,
      esModuleInterop: true,
      sourceMap: false,
    },
    transformers: { before: [before] },
  });
  if (failure !== undefined) throw failure;
  const syntax = (out.diagnostics ?? []).find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntax !== undefined) {
    const pos =
      syntax.file !== undefined && syntax.start !== undefined
        ? syntax.file.getLineAndCharacterOfPosition(syntax.start)
        : undefined;
    throw new HarnessError(
      'HARNESS_ERR_ENGINE_SCRIPT',
      `${fileName}${pos === undefined ? '' : `:${pos.line + 1}:${pos.character + 1}`}: ${ts.flattenDiagnosticMessageText(syntax.messageText, '\n')}`,
    );
  }
  return out.outputText;
}

function makeVisitor(context: ts.TransformationContext, analysis: BlockingAnalysis): ts.Visitor {
  const f = context.factory;
  // Depth of functions that are (or become) async: only there may an await be inserted.
  const asyncStack: boolean[] = [];
  const visitor: ts.Visitor = (node) => {
    if (ts.isFunctionLike(node) && node.kind !== ts.SyntaxKind.FunctionType && 'body' in node) {
      const fn = node;
      const becomesAsync = analysis.asyncify.has(node);
      asyncStack.push(becomesAsync || (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0);
      const visited = ts.visitEachChild(node, visitor, context);
      asyncStack.pop();
      return becomesAsync ? addAsync(f, visited) : visited;
    }
    if (ts.isCallExpression(node) && asyncStack.at(-1) === true && analysis.isBlockingCall(node)) {
      const inner = ts.visitEachChild(node, visitor, context);
      return f.createParenthesizedExpression(f.createAwaitExpression(inner));
    }
    return ts.visitEachChild(node, visitor, context);
  };
  return visitor;
}

function addAsync(f: ts.NodeFactory, fn: ts.FunctionLikeDeclaration): ts.Node {
  const mods = [
    ...(ts.canHaveModifiers(fn) ? (ts.getModifiers(fn) ?? []) : []),
    f.createModifier(ts.SyntaxKind.AsyncKeyword),
  ];
  if (ts.isFunctionDeclaration(fn))
    return f.updateFunctionDeclaration(
      fn,
      mods,
      fn.asteriskToken,
      fn.name,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      fn.body,
    );
  if (ts.isFunctionExpression(fn))
    return f.updateFunctionExpression(
      fn,
      mods,
      fn.asteriskToken,
      fn.name,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      fn.body,
    );
  if (ts.isArrowFunction(fn))
    return f.updateArrowFunction(
      fn,
      mods,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      fn.equalsGreaterThanToken,
      fn.body,
    );
  if (ts.isMethodDeclaration(fn))
    return f.updateMethodDeclaration(
      fn,
      mods,
      fn.asteriskToken,
      fn.name,
      fn.questionToken,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      fn.body,
    );
  return fn;
}
