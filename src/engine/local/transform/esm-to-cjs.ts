import type { AnyNode, ExportDefaultDeclaration, ModuleDeclaration, Program, Statement } from 'acorn';
import { keyName } from './estree.js';
import { blankOut, type SourceEdit } from './source-edits.js';

/** Name given to an anonymous `export default` so the export can refer to it. */
const DEFAULT_LOCAL = '__k6_default_export';

/**
 * ESM → CommonJS by edits: each VU evaluates the script as a function body, where `import` and
 * `export` are not allowed. Imports become `require()` bindings in a header on line 1 (hoisted,
 * as ESM imports are); exports become getters on `exports`, so they stay live bindings
 * (a script may reassign an exported `let` during init). The header adds no line.
 *
 * k6's modules are ESM-shaped objects (`__esModule`, `default`, named exports), so a default
 * import is the module's `default`; only k6 modules can be imported (analyse-blocking.ts checks).
 */
export function esmToCjs(program: Program, source: string): { header: string; edits: SourceEdit[] } {
  const requires: string[] = [];
  const getters: string[] = [];
  const edits: SourceEdit[] = [];
  const exportAs = (exported: string, expression: string): void => {
    getters.push(
      `Object.defineProperty(exports, ${JSON.stringify(exported)}, { enumerable: true, get: () => ${expression} });`,
    );
  };
  let modules = 0;
  const requireOnce = (spec: string): string => {
    const local = `__k6_module_${modules++}`;
    requires.push(`const ${local} = require(${JSON.stringify(spec)});`);
    return local;
  };

  for (const stmt of program.body) {
    switch (stmt.type) {
      case 'ImportDeclaration': {
        requires.push(importToRequire(stmt));
        edits.push(blankOut(source, stmt.start, stmt.end));
        break;
      }
      case 'ExportNamedDeclaration': {
        if (stmt.declaration !== null && stmt.declaration !== undefined) {
          // `export const a = 1` → `const a = 1`; the getter reads `a`.
          edits.push({ start: stmt.start, end: stmt.declaration.start, text: '' });
          for (const name of declaredNames(stmt.declaration)) exportAs(name, name);
          break;
        }
        const from =
          stmt.source === null || stmt.source === undefined ? undefined : String(stmt.source.value);
        const module = from === undefined ? undefined : requireOnce(from);
        for (const s of stmt.specifiers) {
          const local = keyName(s.local, false) ?? '';
          const exported = keyName(s.exported, false) ?? local;
          exportAs(exported, module === undefined ? local : `${module}[${JSON.stringify(local)}]`);
        }
        edits.push(blankOut(source, stmt.start, stmt.end));
        break;
      }
      case 'ExportAllDeclaration': {
        const module = requireOnce(String(stmt.source.value));
        if (stmt.exported !== null && stmt.exported !== undefined)
          exportAs(keyName(stmt.exported, false) ?? '', module);
        else
          getters.push(
            `for (const k of Object.keys(${module})) if (k !== 'default' && !(k in exports)) Object.defineProperty(exports, k, { enumerable: true, get: () => ${module}[k] });`,
          );
        edits.push(blankOut(source, stmt.start, stmt.end));
        break;
      }
      case 'ExportDefaultDeclaration':
        exportAs('default', exportDefault(stmt, source, edits));
        break;
      default:
        break;
    }
  }
  return { header: [...requires, ...getters].join(' '), edits };
}

function importToRequire(stmt: Extract<ModuleDeclaration, { type: 'ImportDeclaration' }>): string {
  const spec = JSON.stringify(String(stmt.source.value));
  if (stmt.specifiers.length === 0) return `require(${spec});`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const s of stmt.specifiers) {
    if (s.type === 'ImportDefaultSpecifier') parts.push(`const ${s.local.name} = require(${spec}).default;`);
    else if (s.type === 'ImportNamespaceSpecifier') parts.push(`const ${s.local.name} = require(${spec});`);
    else named.push(`${JSON.stringify(keyName(s.imported, false) ?? '')}: ${s.local.name}`);
  }
  if (named.length > 0) parts.push(`const { ${named.join(', ')} } = require(${spec});`);
  return parts.join(' ');
}

/** Rewrites `export default …` in place; returns the expression the `default` getter reads. */
function exportDefault(stmt: ExportDefaultDeclaration, source: string, edits: SourceEdit[]): string {
  const decl = stmt.declaration;
  // Up to the end of `default`, not to the declaration: acorn's node for `(expr)` starts inside the parentheses.
  const keywords = { start: stmt.start, end: source.indexOf('default', stmt.start) + 'default'.length };
  if (decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') {
    // Stays a declaration (a default function is hoisted like any other); an anonymous one gets a name.
    edits.push({ ...keywords, text: '' });
    if (decl.id !== null && decl.id !== undefined) return decl.id.name;
    const at =
      decl.type === 'FunctionDeclaration' ? source.indexOf('(', decl.start) : decl.start + 'class'.length;
    edits.push({ start: at, end: at, text: ` ${DEFAULT_LOCAL}` });
    return DEFAULT_LOCAL;
  }
  edits.push({ ...keywords, text: `const ${DEFAULT_LOCAL} =` });
  return DEFAULT_LOCAL;
}

/** The bindings a declaration introduces (`const { a, b: [c] } = …` → a, c). */
function declaredNames(decl: Statement): string[] {
  if (decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') return [decl.id.name];
  if (decl.type !== 'VariableDeclaration') return [];
  const names: string[] = [];
  const collect = (pattern: AnyNode | null): void => {
    if (pattern === null) return;
    if (pattern.type === 'Identifier') names.push(pattern.name);
    else if (pattern.type === 'ObjectPattern')
      for (const p of pattern.properties) collect(p.type === 'RestElement' ? p.argument : p.value);
    else if (pattern.type === 'ArrayPattern') for (const e of pattern.elements) collect(e);
    else if (pattern.type === 'RestElement') collect(pattern.argument);
    else if (pattern.type === 'AssignmentPattern') collect(pattern.left);
  };
  for (const d of decl.declarations) collect(d.id);
  return names;
}
