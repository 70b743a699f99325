/**
 * The execution segments k6-operator gives its runners (its pkg/segmentation): runner i of N
 * (1-based) runs `--execution-segment=(i-1)/N:i/N` of the sequence `0,1/N,…,(N-1)/N,1`, with the
 * ends written `0` and `1`. Only when parallelism > 1: a single runner gets no segment flags.
 */
function point(index: number, total: number): string {
  if (index === 0) return '0';
  if (index === total) return '1';
  return `${index}/${total}`;
}

export function segmentFlags(index: number, total: number): string[] {
  if (total <= 1) return [];
  const sequence = Array.from({ length: total + 1 }, (_, i) => point(i, total)).join(',');
  return [
    `--execution-segment=${point(index - 1, total)}:${point(index, total)}`,
    `--execution-segment-sequence=${sequence}`,
  ];
}
