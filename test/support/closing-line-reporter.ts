import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints "Tests: N passed, N failed, N skipped" as the very last line, the plain
 * closing line CI reads to know how many tests ran, preceded by every skipped test's name
 * (a test skipped for a missing tool names the tool and its install command there).
 */
export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const skippedNames: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          skippedNames.push(`skipped: ${test.fullName}`);
        }
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    if (skippedNames.length > 0) process.stdout.write(`\n${skippedNames.join('\n')}\n`);
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
