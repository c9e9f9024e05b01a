// What the editor page costs on the wire and in time: a first visit to a project stays under 1 MB, a reload downloads
// no script or stylesheet again, and the file tree shows before Monaco (most of the page's weight) has loaded.
import { BASE_URL, api, assert, assertEqual, lines, newPage, openFileInTree, openShared, waitForText, waitUntil } from '../lib.mjs';

const FIRST_VISIT_BUDGET = 1_000_000;
const README = lines('# Weighed', '', 'The page that shows this file was weighed on the wire.');
const SCRIPT_OR_STYLE = /\.(m?js|css)$/;
/**
 * Chromium reports a response's header bytes as the raw text of the answer that came over the network, which may be
 * a 304, and a body as the rest: a revalidated page shows as a body of a byte or so. Every file checked for being
 * downloaded again is hundreds of bytes or more.
 */
const DOWNLOADED = 64;

/**
 * Counts what every finished response of the context (the pages' and the service worker's) brought over the network,
 * as Chromium reports it: headers and body as sent, compressed (CDP's encodedDataLength). A response from the
 * browser's cache or from the service worker's copy brings no body. The live-update stream never finishes.
 */
function countTransfers(context) {
  let transfers = [];
  let pending = 0;
  const counted = (request) => !new URL(request.url()).pathname.endsWith('/updates');
  context.on('request', (request) => {
    if (counted(request)) pending++;
  });
  context.on('requestfinished', async (request) => {
    if (!counted(request)) return;
    try {
      const sizes = await request.sizes();
      transfers.push({
        path: new URL(request.url()).pathname,
        byServiceWorker: request.serviceWorker() !== null,
        bytes: Math.max(0, sizes.responseHeadersSize + sizes.responseBodySize),
        bodyBytes: Math.max(0, sizes.responseBodySize),
      });
    } finally {
      pending--;
    }
  });
  context.on('requestfailed', (request) => {
    if (counted(request)) pending--;
  });
  return {
    /** Every transfer since the last call, once no counted request is still under way. */
    async settled() {
      await waitUntil(() => pending === 0, 'the page and its service worker finished their requests');
      const done = transfers;
      transfers = [];
      return done;
    },
  };
}

const total = (transfers) => transfers.reduce((sum, t) => sum + t.bytes, 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;

/**
 * Records inside the page, from its first moment, when each selector's element is first on screen: the frame after
 * it is added (ms since the page's navigation). Read by `shownAt`; measured in the page, so the test's own round
 * trips (which wait while Monaco keeps the page busy) do not count.
 */
async function recordWhenShown(context, selectors) {
  await context.addInitScript((list) => {
    const shown = (window.shownAt = {});
    const check = () => {
      for (const selector of list) {
        if (selector in shown || !document.querySelector(selector)) continue;
        shown[selector] = null;
        requestAnimationFrame(() => (shown[selector] = performance.now()));
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  }, selectors);
}

function shownAt(page, selector) {
  return page.waitForFunction((s) => window.shownAt?.[s] ?? false, selector, { timeout: 30_000 }).then((handle) => handle.jsonValue());
}

const TREE = `button.tree-file[data-path="README.md"]`;
const EDITOR_TEXT = '[data-testid=editor]:not([hidden]) .view-lines .view-line';

/** 13. A first visit is under 1 MB on the wire; a reload downloads no script or style again; the tree comes first. */
export async function thePageIsLightAndTheTreeComesFirst(browser) {
  const project = await api.createProject('page weight', 'alice');
  await api.save(project, 'README.md', README, 0);
  await api.save(project, 'src/app.js', lines('export const answer = 42;'), 0);

  const { context, page } = await newPage(browser);
  try {
    const wire = countTransfers(context);
    await recordWhenShown(context, [TREE, EDITOR_TEXT]);
    await page.goto(`${BASE_URL}/#/p/${project.projectId}`);
    await page.getByTestId('open-token').fill(project.token);
    await page.getByTestId('open-user').fill('alice');
    const open = page.getByTestId('open-project');
    await open.evaluate((button) => button.addEventListener('click', () => (window.openClickedAt = performance.now()), { once: true }));
    await open.click();
    const openedAt = await page.evaluate(() => window.openClickedAt);
    const treeAt = await shownAt(page, TREE);
    await page.locator(TREE).click();
    const editorAt = await shownAt(page, EDITOR_TEXT);
    await waitForText(page, 'README.md', (text) => text === README);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const first = await wire.settled();
    const offlineCopy = total(first.filter((t) => t.byServiceWorker));
    console.log(`    first visit: ${kb(total(first))} on the wire (${kb(offlineCopy)} of it the service worker's offline copy); ` +
      `tree ${(treeAt - openedAt).toFixed(0)} ms and editor ${(editorAt - openedAt).toFixed(0)} ms after "Open"`);
    assert(total(first) <= FIRST_VISIT_BUDGET, `a first visit stays under 1 MB on the wire (${total(first)} bytes)`);
    const monaco = first.find((t) => /\/assets\/monaco-.*\.js$/.test(t.path) && !t.byServiceWorker);
    assert(monaco, `the page loaded Monaco as a chunk of its own: ${first.map((t) => t.path).join(', ')}`);

    await page.reload();
    const warmTreeAt = await shownAt(page, TREE);
    const warmEditorAt = await shownAt(page, EDITOR_TEXT);
    await waitForText(page, 'README.md', (text) => text === README);
    const reload = await wire.settled();
    console.log(`    reload: ${kb(total(reload))} on the wire; tree ${warmTreeAt.toFixed(0)} ms and editor ${warmEditorAt.toFixed(0)} ms after navigation`);
    const downloadedAgain = reload.filter((t) => SCRIPT_OR_STYLE.test(t.path) && t.bodyBytes > DOWNLOADED).map((t) => t.path);
    assertEqual(downloadedAgain.join(', '), '', 'a reload downloads no script or stylesheet again');
  } finally {
    await context.close();
  }
  await browserCacheAloneKeepsScripts(browser, project);
  await treeShowsWhileMonacoLoads(browser, project);
}

/** Without the service worker, the browser's cache keeps the scripts (hashed names, a year) and revalidates the page. */
async function browserCacheAloneKeepsScripts(browser, project) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const wire = countTransfers(context);
    await openShared(page, project, project.token, 'alice');
    await openFileInTree(page, 'README.md');
    const first = await wire.settled();
    await page.reload();
    await page.locator(TREE).waitFor();
    await waitForText(page, 'README.md', (text) => text !== null);
    const reload = await wire.settled();
    const downloadedAgain = reload.filter((t) => (SCRIPT_OR_STYLE.test(t.path) || t.path === '/') && t.bodyBytes > DOWNLOADED).map((t) => t.path);
    console.log(`    without the service worker: first visit ${kb(total(first))}, reload ${kb(total(reload))} on the wire`);
    assertEqual(downloadedAgain.join(', '), '', 'the browser cache keeps the scripts and styles, and the page itself is revalidated (304)');
  } finally {
    await context.close();
  }
}

/** Monaco's chunk is held back: the tree, the tabs and the status are there meanwhile; the file shows once it arrives. */
async function treeShowsWhileMonacoLoads(browser, project) {
  const { context, page } = await newPage(browser);
  let release;
  const released = new Promise((resolve) => (release = resolve));
  let held = 0;
  try {
    await context.route(/\/assets\/monaco-[^/]*\.js$/, async (route) => {
      held++;
      await released;
      await route.continue();
    });
    await openShared(page, project, project.token, 'alice');
    await page.locator(TREE).waitFor();
    await waitUntil(() => held > 0, 'the page asked for the Monaco chunk');
    await page.locator(TREE).click();
    await page.locator('.tab[data-path="README.md"]').waitFor();
    assertEqual(await page.getByTestId('editor-placeholder').textContent(), 'Loading the editor…', 'the editor says it is loading');
    assert(await page.getByTestId('file-status').isVisible(), 'the status bar is there while Monaco loads');
    release();
    await waitForText(page, 'README.md', (text) => text === README);
  } finally {
    release();
    await context.close();
  }
}
