// Scenario 7: a save the server refuses.
import { api, appendToLine, assert, assertEqual, editorText, lines, openAs, waitForSaved, waitUntil } from '../lib.mjs';

/** 7. A save the server refuses says why, keeps the text, and Retry saves it once it can. */
export async function failedSaveShowsReasonAndRetries(browser) {
  const project = await api.createProject('failure', 'alice');
  const path = 'big.txt';
  await api.save(project, path, lines('small'), 0);
  const { context, page } = await openAs(browser, project, project.token, 'alice', path);
  try {
    const refuse = (url) => url.pathname.endsWith('/files');
    const tooLarge = (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 413,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: '/problems/too-large', title: 'Content too large', status: 413, detail: 'Content is over the limit' }),
          })
        : route.fallback();
    await page.route(refuse, tooLarge);
    await appendToLine(page, 1, ' and more');
    await page.keyboard.press('Control+s');
    const statusEl = page.getByTestId('file-status');
    await waitUntil(async () => (await statusEl.getAttribute('data-kind')) === 'failed', 'the status shows the failure');
    const text = await statusEl.textContent();
    assert(text.includes('Save failed') && text.includes('Content is over the limit'), `the status gives the reason in words: ${text}`);
    assert((await page.locator('.tab .dirty').count()) === 1, 'the tab is marked unsaved');
    assertEqual(await editorText(page, path), lines('small and more'), 'the text stays in the editor');

    await page.unroute(refuse, tooLarge);
    await page.getByTestId('retry-save').click();
    const version = await waitForSaved(page, path);
    assertEqual((await api.content(project, path, version)).content, lines('small and more'), 'Retry saved the text');
    assertEqual(await page.locator('.tab .dirty').count(), 0, 'the unsaved marker is gone');
  } finally {
    await context.close();
  }
}
