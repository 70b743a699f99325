import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Loads `exportName` from every file in `dirs` whose name matches `suffix`
 * (sorted by file name), so catalogues grow by dropping a file.
 */
export async function discoverExports<T>(
  dirs: readonly string[],
  suffix: RegExp,
  exportName: string,
): Promise<Array<{ file: string; value: T }>> {
  const found: Array<{ file: string; value: T }> = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((f) => suffix.test(f) && !f.endsWith('.d.ts'))
      .sort()) {
      const file = join(dir, name);
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      if (mod[exportName] === undefined) throw new Error(`${file} exports no \`${exportName}\``);
      found.push({ file, value: mod[exportName] as T });
    }
  }
  return found;
}
