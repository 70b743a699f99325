/**
 * Block-style YAML for JSON data (no YAML library in the dependencies): keys and strings are
 * JSON-quoted when plain style could be read as something else, so the output parses back to
 * exactly the input (YAML 1.2 is a superset of JSON).
 */
export function toYaml(value: unknown): string {
  return `${emit(value, 0).replace(/^\n/, '')}\n`;
}

const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_ ./$#-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

function scalar(value: unknown): string {
  if (typeof value === 'string')
    return PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(' #')
      ? value
      : JSON.stringify(value);
  return JSON.stringify(value);
}

function emit(value: unknown, indent: number): string {
  const pad = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value.map((item) => `\n${pad}-${emit(item, indent + 1).replace(/^\n\s*/, ' ')}`).join('');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}';
    return entries.map(([key, item]) => `\n${pad}${scalar(key)}:${emit(item, indent + 1)}`).join('');
  }
  return ` ${scalar(value)}`;
}
