import { describe, expect, it } from 'vitest';
import { parseJunitFindings } from './junit-findings.js';

// Shaped as Schemathesis 4.32.5 writes it (see run-schemathesis.ts), shortened.
const XML = `<?xml version="1.0" encoding="utf-8"?>
<testsuites errors="0" failures="1" skipped="0" tests="2"><testsuite name="schemathesis">
<testcase name="POST /api/executeWorkflow" time="1.1"><failure type="failure" message="ST101, ST108">1. Test Case ID: s7MWn4

- ST108 Response violates schema

    &quot;3&quot; is not of type &quot;number&quot;

[200] OK:

    \`{"creditUsage":"3"}\`

2. Test Case ID: PTFsr5

- ST101 Server error
- ST105 Undocumented Content-Type

[504] Gateway Timeout:

    \`{"error":"x &lt; y"}\`</failure></testcase>
<testcase name="POST /api/getConversationById" time="0.2" />
</testsuite></testsuites>`;

describe("Schemathesis' JUnit report → findings", () => {
  it('reads every failed check of every test case with its operation and status', () => {
    expect(parseJunitFindings(XML)).toEqual([
      {
        operation: 'POST /api/executeWorkflow',
        code: 'ST108',
        title: 'Response violates schema',
        status: 200,
      },
      { operation: 'POST /api/executeWorkflow', code: 'ST101', title: 'Server error', status: 504 },
      {
        operation: 'POST /api/executeWorkflow',
        code: 'ST105',
        title: 'Undocumented Content-Type',
        status: 504,
      },
    ]);
  });

  it('finds nothing in a report without failures', () => {
    expect(parseJunitFindings('<testsuites><testcase name="POST /a" time="1" /></testsuites>')).toEqual([]);
  });
});
