// What the editor page costs on the wire and in time: a first visit to a project stays under 1 MB, a reload downloads
// no script or stylesheet again, and the file tree shows before Monaco (most of the page's weight) has loaded.
import { BASE_URL, api, assert, assertEqual, lines, newPage, openShared, waitForText, waitUntil } from '../lib.mjs';

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

/**
 * A visit as a person given the link and the token makes it: the landing page, "Open", the tree, then README.md
 * opened from it; then a reload, which brings the tab back. Returns each part's transfers and when (ms) the tree and
 * the editor's text were on screen, after "Open" and after the reload's navigation.
 */
async function visitAndReload(context, project, { serviceWorker }) {
  const page = await context.newPage();
  const wire = countTransfers(context);
  await recordWhenShown(context, [TREE, EDITOR_TEXT]);
  await page.goto(`${BASE_URL}/#/p/${project.projectId}`);
  await page.getByTestId('open-token').fill(project.token);
  await page.getByTestId('open-user').fill('alice');
  const open = page.getByTestId('open-project');
  await open.evaluate((button) => button.addEventListener('click', () => (window.openClickedAt = performance.now()), { once: true }));
  await open.click();
  const openedAt = await page.evaluate(() => window.openClickedAt);
  const cold = { tree: (await shownAt(page, TREE)) - openedAt };
  await page.locator(TREE).click();
  cold.editor = (await shownAt(page, EDITOR_TEXT)) - openedAt;
  await waitForText(page, 'README.md', (text) => text === README);
  // The service worker has copied the page for offline use once it is ready: those bytes count too.
  if (serviceWorker) {
    await page.evaluate(() => Promise.race([
      navigator.serviceWorker.ready,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no service worker within 30 s')), 30_000)),
    ]));
  }
  cold.transfers = await wire.settled();

  await page.reload();
  const warm = { tree: await shownAt(page, TREE), editor: await shownAt(page, EDITOR_TEXT) };
  await waitForText(page, 'README.md', (text) => text === README);
  warm.transfers = await wire.settled();
  return { cold, warm };
}

const timing = (visit, after) => `tree ${visit.tree.toFixed(0)} ms, editor ${visit.editor.toFixed(0)} ms after ${after}`;

/** Whatever of `paths` (the page, scripts, styles) came over the network with a body, rather than from a cache or as a 304. */
const downloaded = (transfers, paths) => transfers.filter((t) => paths.test(t.path) && t.bodyBytes > DOWNLOADED).map((t) => t.path).join(', ');

/** 13. A first visit is under 1 MB on the wire; a reload downloads no script or style again; the tree comes first. */
export async function thePageIsLightAndTheTreeComesFirst(browser) {
  const project = await api.createProject('page weight', 'alice');
  await api.save(project, 'README.md', README, 0);
  await api.save(project, 'src/app.js', lines('export const answer = 42;'), 0);

  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const { cold, warm } = await visitAndReload(context, project, { serviceWorker: true });
    const offlineCopy = total(cold.transfers.filter((t) => t.byServiceWorker));
    console.log(`    first visit: ${kb(total(cold.transfers))} on the wire (${kb(offlineCopy)} of it the service worker's ` +
      `offline copy), ${timing(cold, '"Open"')}; reload: ${kb(total(warm.transfers))}, ${timing(warm, 'navigation')}`);
    assert(total(cold.transfers) <= FIRST_VISIT_BUDGET, `a first visit stays under 1 MB on the wire (${total(cold.transfers)} bytes)`);
    const monaco = cold.transfers.find((t) => /\/assets\/monaco-.*\.js$/.test(t.path) && !t.byServiceWorker);
    assert(monaco, `the page loaded Monaco as a chunk of its own: ${cold.transfers.map((t) => t.path).join(', ')}`);
    assertEqual(downloaded(warm.transfers, SCRIPT_OR_STYLE), '', 'a reload downloads no script or stylesheet again');
  } finally {
    await context.close();
  }

  // Without the service worker, the browser's cache keeps the scripts (hashed names, a year) and revalidates the page.
  const plain = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
  try {
    const { cold, warm } = await visitAndReload(plain, project, { serviceWorker: false });
    console.log(`    without the service worker: first visit ${kb(total(cold.transfers))}, ${timing(cold, '"Open"')}; ` +
      `reload: ${kb(total(warm.transfers))}, ${timing(warm, 'navigation')}`);
    assertEqual(downloaded(warm.transfers, /\.(m?js|css)$|^\/$/), '', 'the browser cache keeps scripts and styles, and revalidates the page (304)');
  } finally {
    await plain.close();
  }
  await treeShowsWhileMonacoLoads(browser, project);
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
