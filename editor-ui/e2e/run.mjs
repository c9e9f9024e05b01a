// End-to-end tests of the editor against the real running system (BASE_URL).
// Prints one line per test and a closing "N passed, N failed"; exits non-zero on any failure.
import { launchBrowser } from './lib.mjs';
import { scenarios } from './scenarios/index.mjs';

const only = process.argv.slice(2);
let browser;
try {
  browser = await launchBrowser();
} catch (error) {
  console.log(`FAIL could not start Chromium: ${error?.message ?? error}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
let passed = 0;
let failed = 0;
try {
  for (const [name, test] of scenarios) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const started = Date.now();
    try {
      await test(browser);
      passed++;
      console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${name}\n    ${String(error?.stack ?? error).split('\n').join('\n    ')}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
