// Scenarios 3 and 8: edits made while nothing reaches the server stay in the page and are saved once it can.
import {
  api, appendToLine, assert, assertEqual, editorText, lines, openAs, waitForSaved, waitForText, waitUntil,
} from '../lib.mjs';

/** What the connection indicator in the top bar says. */
const connectionText = async (page) => (await page.getByTestId('connection').textContent()) ?? '';

/** Waits until the connection indicator says it is offline (never "Online"). */
async function waitShownOffline(page, message) {
  await waitUntil(async () => {
    const text = await connectionText(page);
    return text.includes('Offline') && !text.includes('Online') && text;
  }, message);
}

/** Reloads a page that has unsaved edits; returns whether the browser warned before leaving. */
async function reloadWithUnsavedEdits(page) {
  let warned = false;
  const onDialog = (dialog) => {
    if (dialog.type() === 'beforeunload') warned = true;
    void dialog.accept();
  };
  page.on('dialog', onDialog);
  try {
    await page.reload();
  } finally {
    page.off('dialog', onDialog);
  }
  return warned;
}

const fileStatusKind = (page) => page.getByTestId('file-status').getAttribute('data-kind');

/**
 * 3. Offline: type, reload while offline (the edits stay), come back online (they are saved).
 * Whatever navigator.onLine says after the reload (Chromium versions differ), the page has to
 * show what it experiences: nothing reaches the server.
 */
export async function offlineReloadThenSync(browser) {
  const project = await api.createProject('offline', 'alice');
  const path = 'todo.md';
  await api.save(project, path, lines('# Todo', '- first'), 0);
  const { context, page } = await openAs(browser, project, project.token, 'alice', path);
  try {
    // The service worker keeps the page itself for the offline reload.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 15_000 });
    await context.setOffline(true);
    await waitShownOffline(page, 'the page shows it is offline');
    await appendToLine(page, 2, '\n- written offline');
    await waitUntil(async () => (await fileStatusKind(page)) === 'offline', 'the status shows the save waits for the connection');
    const expected = lines('# Todo', '- first', '- written offline');
    assertEqual(await editorText(page, path), expected, 'the editor holds the offline edit');

    assert(await reloadWithUnsavedEdits(page), 'the browser warned before leaving with unsaved edits');
    await waitForText(page, path, (text) => text !== null);
    assertEqual(await editorText(page, path), expected, 'the offline edit survived the reload');
    await waitShownOffline(page, 'still shown offline after the reload');
    await waitUntil(async () => (await fileStatusKind(page)) === 'offline', 'after the reload the status shows the save waits for the connection');
    assertEqual(await editorText(page, path), expected, 'the offline edit is still in the editor');

    await context.setOffline(false);
    const version = await waitForSaved(page, path, 30_000);
    await waitUntil(async () => (await connectionText(page)).includes('Online'), 'the page shows it is online again');
    assertEqual((await api.content(project, path, version)).content, expected, 'the offline edit is saved once online');
    // Chromium's offline emulation sometimes lets a request reach the server and still reports it
    // failed: a save whose answer was lost. It must not become a second version or a conflict.
    assertEqual(version, 2, 'saved as the next version, once');
    assertEqual((await api.history(project, path, 2)).entries.length, 2, 'no extra versions');
    assert(!(await page.getByTestId('conflict-view').isVisible()), 'no conflict with its own save');
  } finally {
    await context.close();
  }
}

/**
 * 8. The server cannot be reached while the browser says it is online (its requests are blocked):
 * the page shows it is disconnected, keeps the edits (across a reload too), and saves them once
 * the server answers again.
 */
export async function serverUnreachableWhileBrowserOnline(browser) {
  const project = await api.createProject('unreachable', 'alice');
  const path = 'plan.md';
  await api.save(project, path, lines('# Plan', '- start'), 0);
  const { context, page } = await openAs(browser, project, project.token, 'alice', path);
  const blockApi = (route) => route.abort();
  let blocked = false;
  try {
    await waitUntil(async () => (await connectionText(page)).includes('Online'), 'the page shows it is online');
    await context.route('**/api/**', blockApi);
    blocked = true;
    assert(await page.evaluate(() => navigator.onLine), 'the browser itself says it is online');

    await appendToLine(page, 2, '\n- written while the server is away');
    const expected = lines('# Plan', '- start', '- written while the server is away');
    await waitShownOffline(page, 'the page shows the server cannot be reached');
    assert((await connectionText(page)).includes('server'), `the indicator says it is the server: ${await connectionText(page)}`);
    await waitUntil(async () => (await fileStatusKind(page)) === 'offline', 'the status shows the save waits for the connection');
    assertEqual(await editorText(page, path), expected, 'the editor keeps the edit');

    assert(await reloadWithUnsavedEdits(page), 'the browser warned before leaving with unsaved edits');
    await waitForText(page, path, (text) => text !== null);
    await waitShownOffline(page, 'after the reload the page still shows the server cannot be reached');
    assertEqual(await editorText(page, path), expected, 'the edit survived the reload');
    assertEqual((await api.content(project, path)).version, 1, 'nothing reached the server meanwhile');

    await context.unroute('**/api/**', blockApi);
    blocked = false;
    const version = await waitForSaved(page, path, 30_000);
    await waitUntil(async () => (await connectionText(page)).includes('Online'), 'the page shows it is online again');
    assertEqual(version, 2, 'saved as the next version, once');
    assertEqual((await api.content(project, path, version)).content, expected, 'the server has the edit');
    assertEqual((await api.history(project, path, 2)).entries.length, 2, 'no extra versions');
    assertEqual(await editorText(page, path), expected, 'the editor shows what the server has');
    assert(!(await page.getByTestId('conflict-view').isVisible()), 'no conflict with its own save');
  } finally {
    if (blocked) await context.unroute('**/api/**', blockApi).catch(() => {});
    await context.close();
  }
}
