// Runs every generator in scripts/generators/ (discovered: add a file exporting a
// `Generator` to add one). `--check` writes nothing and fails when a generated file is
// stale or missing, so the test command catches a schema edited without `npm run gen`.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Generator } from './generators/generator.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const genDir = join(root, 'scripts', 'generators');
const check = process.argv.includes('--check');

const generators: Generator[] = [];
for (const file of readdirSync(genDir).sort()) {
  if (!file.endsWith('.ts') || file === 'generator.ts') continue;
  const mod = (await import(pathToFileURL(join(genDir, file)).href)) as Record<string, unknown>;
  for (const value of Object.values(mod)) {
    if (typeof value === 'object' && value !== null && 'generate' in value && 'name' in value)
      generators.push(value as Generator);
  }
}

const stale: string[] = [];
for (const gen of generators) {
  const files = await gen.generate();
  for (const [rel, content] of files) {
    const abs = join(root, rel);
    const current = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      stale.push(`${rel} (${current === undefined ? 'missing' : 'stale'}, from generator "${gen.name}")`);
    } else {
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, content);
      console.log(`wrote ${rel}`);
    }
  }
}
if (stale.length > 0) {
  console.error(
    `HARNESS_ERR_GENERATED_STALE: ${stale.length} generated file(s) do not match their generator:\n  ${stale.join('\n  ')}\n  hint: run \`npm run gen\` and commit the result.`,
  );
  process.exit(1);
}
if (check) console.log(`generated files up to date (${generators.map((g) => g.name).join(', ')})`);
