/**
 * An exception's message and the stack frames in the user's script only: the engine's own
 * frames (and Node's) say nothing to someone fixing a k6 script. Line numbers are the script's
 * own: the local engine's transform edits text in place and keeps every line where it was.
 */
export function scriptStack(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .filter(
      (line) =>
        /^\s+at /.test(line) &&
        !/\/src\/engine\/local\/|node_modules|\(node:|at node:|<anonymous>/.test(line),
    )
    .map((line) => `\n\t${line.trim()}`);
  return `${error.name}: ${error.message}${frames.join('')}`;
}
