// Types of scripts/build-cli.mjs (plain JavaScript: it runs before anything is compiled).

/** Compiles the current sources under `root` (default: this repository) unless that build exists; returns its folder. */
export function ensureBuild(root?: string): Promise<string>;

/** The URL to import for a source such as 'src/cli/main.ts': its compiled file, or the source under HARNESS_FROM_SOURCES=1. */
export function compiledEntry(source: string): Promise<string>;
