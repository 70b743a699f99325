import { parse, type Program } from 'acorn';
import { HarnessError } from '../../../errors/index.js';

/**
 * Parses a k6 script (an ES module) with acorn: a small pure-JS parser (MIT, one file, no
 * native code) that parses a bundle of the project's size in a few milliseconds. A syntax
 * error is the script's fault and names its position.
 */
export function parseScript(source: string, fileName: string): Program {
  try {
    return parse(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true });
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const loc = (error as SyntaxError & { loc?: { line: number; column: number } }).loc;
    const message = error.message.replace(/ \(\d+:\d+\)$/, '');
    throw new HarnessError(
      'HARNESS_ERR_ENGINE_SCRIPT',
      `${fileName}${loc === undefined ? '' : `:${loc.line}:${loc.column + 1}`}: ${message}`,
      { cause: error },
    );
  }
}
