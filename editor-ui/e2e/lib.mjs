// Helpers for the end-to-end tests: a real Chromium (Debian's, driven by playwright-core) against the
// real running system at BASE_URL.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE_URL = process.env.BASE_URL ?? 'http://localhost:8080';
export const SCREENSHOTS = process.env.SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export function assert(condition, message) {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function assertEqual(actual, expected, message) {
  if (actual !== expected) {
    throw new Error(`${message}\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`);
  }
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

// ---- the HTTP contract, for setting up and for checking what the server holds ----

async function call(method, path, token, body) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(BASE_URL + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') && !type.includes('ndjson') ? JSON.parse(text) : text;
}

export const api = {
  createProject: (name, user) => call('POST', '/api/projects', null, { name, user }),
  addMember: (p, user) => call('POST', `/api/projects/${p.projectId}/members`, p.token, { user }),
  save: (p, path, content, expectedVersion) =>
    call('PUT', `/api/projects/${p.projectId}/files?path=${encodeURIComponent(path)}`, p.token, { content, expectedVersion, fileType: 'plaintext' }),
  content: (p, path, minVersion) =>
    call('GET', `/api/projects/${p.projectId}/files/content?path=${encodeURIComponent(path)}${minVersion ? `&minVersion=${minVersion}` : ''}`, p.token),
  history: (p, path, minVersion) =>
    call('GET', `/api/projects/${p.projectId}/files/history?path=${encodeURIComponent(path)}&limit=1000${minVersion ? `&minVersion=${minVersion}` : ''}`, p.token),
  files: (p) => call('GET', `/api/projects/${p.projectId}/files`, p.token),
  verify: (p) => call('GET', `/api/projects/${p.projectId}/verify`, p.token),
};

/** A file's text from its lines, each ended by a newline. */
export const lines = (...ls) => ls.map((l) => l + '\n').join('');

// ---- the page, driven as a person would ----

/** The screen the issues about a new user's first minutes were seen on: a laptop's. */
export const LAPTOP_SCREEN = { width: 1280, height: 800 };

export async function newPage(browser, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.log(`    [page error] ${error.message}`));
  return { context, page };
}

/** Opens a project through the landing page's "Open a shared project" form, as someone given the link and a token. */
export async function openShared(page, project, token, user) {
  await page.goto(`${BASE_URL}/#/p/${project.projectId}`);
  await page.getByTestId('open-token').fill(token);
  if (user) await page.getByTestId('open-user').fill(user);
  await page.getByTestId('open-project').click();
  await page.getByTestId('file-tree').waitFor();
}

/**
 * What the editor shows for `path`, read as a user sees it: null unless its tab is the selected one and the editor
 * shows it; else the lines Monaco renders (spaces come as no-break spaces). The test files fit on one screen.
 */
function shownFile(path) {
  const tab = document.querySelector('.tab[aria-current=true]');
  const host = document.querySelector('[data-testid=editor]');
  if (tab?.getAttribute('data-path') !== path || !host || host.hidden) return null;
  const lines = [...host.querySelectorAll('.view-lines .view-line')];
  if (lines.length === 0) return null;
  lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
  return lines.map((line) => line.textContent.replace(/\u00a0/g, ' ')).join('\n');
}

export async function openFileInTree(page, path) {
  await page.locator(`button.tree-file[data-path="${path}"]`).click();
  await waitForText(page, path, (text) => text !== null);
}

/** Opens `path` of `project` in a fresh browser context, as `user` with `token`. */
export async function openAs(browser, project, token, user, path, viewport) {
  const session = await newPage(browser, viewport);
  await openShared(session.page, project, token, user);
  await openFileInTree(session.page, path);
  return session;
}

/** Waits until the editor shows `path` with a text that `accept` takes. */
export async function waitForText(page, path, accept, timeout = 30_000) {
  await waitUntil(async () => accept(await editorText(page, path)), `the editor shows ${path} as expected`, timeout);
}

/** The text the editor shows for `path`, once Monaco has rendered its latest change. */
export async function editorText(page, path) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(shownFile, path);
}

/** The cursor position the status bar shows, as "line:column". */
export async function cursorPosition(page) {
  return page.getByTestId('cursor-position').getAttribute('data-position');
}

/** The language the status bar shows for the active file (Monaco's id). */
export async function shownLanguage(page) {
  return page.getByTestId('file-language').getAttribute('data-language');
}

export async function status(page) {
  const el = page.getByTestId('file-status');
  return { kind: await el.getAttribute('data-kind'), text: await el.textContent() };
}

export async function waitForSaved(page, path, timeout = 20_000) {
  await page.waitForFunction(
    (p) => {
      const el = document.querySelector('[data-testid=file-status]');
      const tab = document.querySelector('.tab[aria-current=true]');
      return tab?.getAttribute('data-path') === p && el?.getAttribute('data-kind') === 'saved';
    },
    path,
    { timeout },
  );
  return Number(await page.getByTestId('file-status').getAttribute('data-version'));
}

/** Records every status the page shows from now on, to check afterwards that none was a failure. */
export async function recordStatuses(page) {
  await page.evaluate(() => {
    window.__statuses = [];
    const el = document.querySelector('[data-testid=file-status]');
    const record = () => window.__statuses.push(`${el.getAttribute('data-kind')}: ${el.textContent}`);
    record();
    new MutationObserver(record).observe(el, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  return () => page.evaluate(() => window.__statuses);
}

/** Moves the cursor to the end of line `line` (1-based) of the focused editor. */
export async function gotoLineEnd(page, line) {
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

export async function focusEditor(page) {
  await page.locator('[data-testid=editor] .view-lines').click();
}

/** Types `text` at the end of line `line` (1-based) of the page's editor. */
export async function appendToLine(page, line, text) {
  await focusEditor(page);
  await gotoLineEnd(page, line);
  await page.keyboard.type(text, { delay: 10 });
}

export async function waitUntil(fn, message, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out: ${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/**
 * Holds the page's saves (PUT .../files) until released, so that a test can decide which of two
 * concurrent saves reaches the server first. Returns { held(), release() }.
 */
export async function holdSaves(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  let held = 0;
  let holding = true;
  const matcher = (url) => url.pathname.endsWith('/files') && url.pathname.startsWith('/api/projects/');
  const handler = async (route) => {
    if (holding && route.request().method() === 'PUT') {
      held++;
      await gate;
    }
    await route.fallback();
  };
  await page.route(matcher, handler);
  return {
    held: () => held,
    release: async () => {
      holding = false;
      release();
    },
  };
}

/** Records every text the notice bar shows from now on. */
export async function recordNotices(page) {
  await page.evaluate(() => {
    window.__notices = [];
    const el = document.querySelector('[data-testid=notice]');
    new MutationObserver(() => {
      if (!el.hidden && el.textContent) window.__notices.push(el.textContent);
    }).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => window.__notices);
}

/** The text a Monaco view shows (it renders spaces as no-break spaces). */
export async function shownText(locator) {
  return ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
}
