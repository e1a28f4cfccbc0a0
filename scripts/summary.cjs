// Prints the closing line of `npm test` from the vitest and Playwright JSON reports.
// A missing report counts as one failure, so a runner that crashed cannot look green.
const fs = require('fs');
const dir = process.argv[2];
const read = (f) => {
  try {
    return JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
  } catch {
    return null;
  }
};
const v = read('vitest.json');
const p = read('playwright.json');
const unit = v
  ? { passed: v.numPassedTests, failed: v.numFailedTests, skipped: v.numPendingTests + v.numTodoTests }
  : { passed: 0, failed: 1, skipped: 0 };
const e2e = p
  ? { passed: p.stats.expected + p.stats.flaky, failed: p.stats.unexpected, skipped: p.stats.skipped }
  : { passed: 0, failed: 1, skipped: 0 };
const steps = process.env.FAILED_STEPS;
console.log(
  `unit (vitest) ${unit.passed}/${unit.failed}/${unit.skipped}, e2e (playwright) ${e2e.passed}/${e2e.failed}/${e2e.skipped} (passed/failed/skipped)`,
);
if (steps) console.log(`failed steps: ${steps}`);
// A failed typecheck or lint step counts as one failure, so the summary never reads green on a red run.
const stepFailures = steps ? steps.split(' ').filter((s) => s === 'typecheck' || s === 'lint').length : 0;
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + stepFailures;
console.log(`summary: ${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`); // must stay the last line
