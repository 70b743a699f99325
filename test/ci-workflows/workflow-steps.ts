/** One step of a GitHub workflow job, as the rehearsal needs it. */
export interface WorkflowStep {
  readonly name?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
}

export interface WorkflowJob {
  /** The job's `env:` map, values as written (`${{ secrets.X }}` unresolved). */
  readonly env: Readonly<Record<string, string>>;
  readonly steps: readonly WorkflowStep[];
}

const unquote = (v: string): string =>
  v
    .trim()
    .replace(/^'(.*)'$/, '$1')
    .replace(/^"(.*)"$/, '$1');

/**
 * The first job of a workflow file: its env and its steps in order, read without a YAML
 * library (the subset our workflows use: `- key: value` steps, `run: |` block scalars).
 */
export function readFirstJob(text: string): WorkflowJob {
  const lines = text.split('\n').filter((l) => !/^\s*#/.test(l));
  const env: Record<string, string> = {};
  const steps: Record<string, string>[] = [];
  let section: 'none' | 'env' | 'steps' = 'none';
  let sectionIndent = -1;
  let stepIndent = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const indent = line.search(/\S/);
    if (section !== 'none' && indent <= sectionIndent) section = 'none';
    if (section === 'none') {
      const key = /^(\s+)(env|steps):\s*$/.exec(line);
      // Only the job's env (indented under jobs.<id>), not a step's.
      if (key !== null && key[1].length === 4) {
        section = key[2] as 'env' | 'steps';
        sectionIndent = indent;
      }
      continue;
    }
    if (section === 'env') {
      const pair = /^\s+([\w-]+):\s*(.*)$/.exec(line);
      if (pair !== null) env[pair[1]] = unquote(pair[2]);
      continue;
    }
    const item = /^(\s*)- (.*)$/.exec(line);
    if (item !== null && (stepIndent === -1 || item[1].length === stepIndent)) {
      stepIndent = item[1].length;
      steps.push({});
    }
    const body = item !== null && item[1].length === stepIndent ? item[2] : line.trim();
    const pair = /^([\w-]+):\s*(.*)$/.exec(body);
    const step = steps[steps.length - 1];
    if (pair === null || step === undefined || indent > stepIndent + 2) continue;
    if (/^[|>][-+]?$/.test(pair[2])) {
      const block: string[] = [];
      while (
        i + 1 < lines.length &&
        (lines[i + 1].trim() === '' || lines[i + 1].search(/\S/) > stepIndent + 2)
      )
        block.push(lines[++i].trim());
      step[pair[1]] = block.join('\n').trim();
    } else step[pair[1]] = unquote(pair[2]);
  }
  return { env, steps: steps.map((s) => ({ name: s.name, if: s.if, uses: s.uses, run: s.run })) };
}
