// Scenario 4: a file's history: who changed what, a version, a diff of two, a restore.
import {
  api, assert, assertEqual, editorText, lines, openAs, screenshot, shownText, waitForSaved, waitUntil,
} from '../lib.mjs';

/** 4. History: see who changed what, view a version, diff two, restore one. */
export async function historyViewDiffRestore(browser) {
  const project = await api.createProject('history', 'alice');
  const path = 'poem.txt';
  await api.save(project, path, lines('roses are red'), 0);
  await api.save(project, path, lines('roses are red', 'violets are blue'), 1);
  await api.save(project, path, lines('roses are red', 'violets are blue', 'sugar is sweet'), 2);
  const { context, page } = await openAs(browser, project, project.token, 'alice', path);
  try {
    await page.getByTestId('open-history').click();
    const view = page.getByTestId('history-view');
    await view.waitFor();
    await page.getByTestId('history-entry-3').waitFor();
    const firstRow = await page.getByTestId('history-entry-1').textContent();
    assert(firstRow.includes('CREATED') && firstRow.includes('alice'), `v1 shows kind and author: ${firstRow}`);
    assert((await page.getByTestId('history-entry-3').textContent()).includes('SAVED'), 'v3 is a save');

    await page.getByTestId('history-view-1').click();
    await waitUntil(async () => (await page.getByTestId('history-caption').textContent()).includes('Viewing v1'), 'v1 is shown');
    const viewer = page.locator('.history-viewer .view-lines');
    await waitUntil(async () => (await shownText(viewer)).includes('roses are red'), 'v1 content is shown');
    assert(!(await shownText(viewer)).includes('violets'), 'v1 does not have the later lines');

    await page.getByTestId('history-select-1').check();
    await page.getByTestId('history-select-3').check();
    await page.getByTestId('history-diff').click();
    await waitUntil(async () => (await page.getByTestId('history-caption').textContent()).includes('Diff v1 → v3'), 'the diff is shown');
    await page.locator('.history-viewer .monaco-diff-editor .line-insert').first().waitFor();
    await waitUntil(async () => (await shownText(page.locator('.history-viewer .modified .view-lines'))).includes('sugar is sweet'), 'the newer side has the added lines');
    await screenshot(page, 'history-view');

    await page.getByTestId('history-restore-1').click();
    await page.getByTestId('history-entry-4').waitFor({ timeout: 15_000 });
    assert((await page.getByTestId('history-entry-4').textContent()).includes('RESTORED'), 'the restore is a new version');
    const restored = await api.content(project, path, 4);
    assertEqual(restored.content, lines('roses are red'), 'the server has v1 content as v4');
    await page.keyboard.press('Escape');
    await view.waitFor({ state: 'detached' });
    assertEqual(await waitForSaved(page, path), 4, 'the editor is on the restored version');
    assertEqual(await editorText(page, path), lines('roses are red'), 'the editor shows the restored content');
  } finally {
    await context.close();
  }
}
