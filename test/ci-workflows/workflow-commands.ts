/** A step's `run:` script and the `uses:` of every step, read without a YAML library. */
export interface WorkflowFacts {
  readonly runs: readonly string[];
  readonly uses: readonly string[];
  /** Every `KEY: value` line (env, with:, …) as written, trimmed. */
  readonly pairs: readonly string[];
}

/**
 * Enough YAML for GitHub workflow files: `run: cmd` and `run: |` block scalars
 * (lines indented deeper than the key), `uses:` and plain `key: value` lines.
 */
export function readWorkflow(text: string): WorkflowFacts {
  const lines = text.split('\n');
  const runs: string[] = [];
  const uses: string[] = [];
  const pairs: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (/^\s*#/.test(line)) continue;
    const run = /^(\s*)(?:- )?run:\s*(.*)$/.exec(line);
    if (run !== null) {
      const indent = run[1].length;
      if (/^[|>][-+]?\s*$/.test(run[2])) {
        const block: string[] = [];
        while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].search(/\S/) > indent))
          block.push(lines[++i].trim());
        runs.push(block.join('\n').trim());
      } else runs.push(run[2].trim());
      continue;
    }
    const use = /^\s*(?:- )?uses:\s*(\S+)/.exec(line);
    if (use !== null) uses.push(use[1]);
    else if (/^\s*(?:- )?[\w-]+:\s*\S/.test(line)) pairs.push(line.trim().replace(/^- /, ''));
  }
  return { runs, uses, pairs };
}

/** Single commands of a run script: split on newlines, `&&`, `||` and `;`. */
export function commandsOf(script: string): string[] {
  return script
    .split(/\n|&&|\|\||;/)
    .map((c) => c.trim())
    .filter((c) => c !== '' && !c.startsWith('#'));
}
