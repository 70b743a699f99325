// CI runs the suite with CI=true, which the harness reads as --ci (machine-readable output).
// Tests of the human-readable output must not depend on where they run, so children spawned
// by tests start without it; a test that wants CI mode passes --ci (or CI) explicitly.
delete process.env.CI;
