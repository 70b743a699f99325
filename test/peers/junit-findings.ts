/** One failed check of one Schemathesis test case: operation, check code (ST101…) and the response status. */
export interface StFinding {
  readonly operation: string;
  readonly code: string;
  readonly title: string;
  readonly status: number | undefined;
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
  '&amp;': '&',
};
const unescapeXml = (text: string): string =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (e) => ENTITIES[e] ?? e);

/**
 * Schemathesis' JUnit report has one testcase per operation; a failure's text lists its test cases
 * ("1. Test Case ID: …"), each with its failed checks ("- ST108 Response violates schema") and the
 * response line ("[504] Gateway Timeout:"). Every check of every case becomes one finding.
 */
export function parseJunitFindings(xml: string): StFinding[] {
  const findings: StFinding[] = [];
  const testcases = /<testcase name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const [, name, body] of xml.matchAll(testcases)) {
    const failure = /<failure[^>]*>([\s\S]*?)<\/failure>/.exec(body ?? '');
    if (failure === null) continue;
    const operation = unescapeXml(name ?? '');
    for (const block of unescapeXml(failure[1] ?? '')
      .split(/^\d+\. Test Case ID: \S+$/m)
      .slice(1)) {
      const status = /^\[(\d{3})\]/m.exec(block);
      for (const [, code, title] of block.matchAll(/^- (ST\d+) (.+)$/gm))
        findings.push({
          operation,
          code: code ?? '',
          title: title?.trim() ?? '',
          status: status === null ? undefined : Number(status[1]),
        });
    }
  }
  return findings;
}
