import { launchBrowser } from './lib.mjs';
import { scenarios } from './scenarios.mjs';
const browser = await launchBrowser();
const test = scenarios.find(([n]) => n.startsWith(process.argv[2]))[1];
let fails = 0;
for (let i = 0; i < Number(process.argv[3]); i++) {
  try { await test(browser); process.stdout.write('.'); } catch (e) { fails++; console.log('\nFAIL', e.message.split('\n').slice(0,3).join(' | ')); }
}
console.log('\nfails', fails);
await browser.close();
