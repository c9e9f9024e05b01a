import {
  BASE_URL, api, assert, assertEqual, cursorPosition, editorText, shownLanguage, waitForText, focusEditor, gotoLineEnd, holdSaves, newPage, openFileInTree,
  openShared, recordNotices, recordStatuses, screenshot, shownText, waitForSaved, waitUntil,
} from './lib.mjs';
import { deletedFilesArePaged } from './deletedPaging.mjs';
import { openingALongHistoryCostsKilobytes } from './openCost.mjs';

const lines = (...ls) => ls.map((l) => l + '\n').join('');

/** Opens `path` of `project` in a fresh browser context, as `user` with `token`. */
async function openAs(browser, project, token, user, path) {
  const session = await newPage(browser);
  await openShared(session.page, project, token, user);
  await openFileInTree(session.page, path);
  return session;
}

async function appendToLine(page, line, text) {
  await focusEditor(page);
  await gotoLineEnd(page, line);
  await page.keyboard.type(text, { delay: 10 });
}

/** 1. The original bug: rapid typing with Ctrl+S in the middle loses nothing and never fails. */
async function rapidTypingWithCtrlS(browser) {
  const { context, page } = await newPage(browser);
  try {
    // Keyboard only: the landing page focuses the first field; Alt+N asks for a new file.
    await page.goto(BASE_URL + '/');
    await page.keyboard.type('rapid typing');
    await page.keyboard.press('Tab');
    await page.keyboard.type('alice');
    await page.keyboard.press('Enter');
    await page.getByTestId('file-tree').waitFor();

    const path = 'src/app.js';
    await page.keyboard.press('Alt+n');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type(path);
    await page.keyboard.press('Enter');
    await waitForText(page, path, (text) => text === '');
    await waitForSaved(page, path);
    const statuses = await recordStatuses(page);
    const project = await page.evaluate(() => JSON.parse(localStorage.getItem('velocity:projects'))[0]);

    // The new file's editor has the focus already.
    const lines = Array.from({ length: 12 }, (_, i) => `let value${i} = ${i} * 7 + ${i % 3}; // line ${i}`);
    let typed = '';
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] + '\n';
      if (i === 5) {
        // Ctrl+S in the middle of a line, then straight on typing.
        const half = Math.floor(text.length / 2);
        await page.keyboard.type(text.slice(0, half), { delay: 8 });
        await page.keyboard.press('Control+s');
        await page.keyboard.type(text.slice(half), { delay: 8 });
      } else {
        await page.keyboard.type(text, { delay: 8 });
      }
      typed += text;
      // Now and then a pause long enough for an autosave to start while typing goes on.
      if (i % 4 === 3) await page.waitForTimeout(600);
    }
    const version = await waitForSaved(page, path);
    const inEditor = await editorText(page, path);
    assertEqual(inEditor, typed, 'the editor holds exactly what was typed');
    const server = await api.content(project, path, version);
    assertEqual(server.content, inEditor, 'the server holds what the editor shows');
    assertEqual(server.version, version, 'the status shows the server version');

    const seen = await statuses();
    assert(!seen.some((s) => s.startsWith('failed')), `no failed status ever appeared: ${seen.join(' | ')}`);
    assert(seen.some((s) => s.startsWith('saving')), 'saves happened while typing');

    const history = await api.history(project, path, version);
    const versions = history.entries.map((e) => e.version);
    assertEqual(versions.join(','), Array.from({ length: version }, (_, i) => version - i).join(','), 'history is gap-free');
    assert(version >= 3, `several saves happened during typing (got ${version} versions)`);
    await screenshot(page, 'editor');
  } finally {
    await context.close();
  }
}

/**
 * 2. Two people edit one file. Bob's save is held back until Alice's has landed, so it meets a newer
 * version: edits to different lines merge by themselves; edits to the same line open the conflict
 * view, and each of its choices ends with the chosen text on the server and on both screens.
 */
async function twoContextsMergeAndConflict(browser) {
  const project = await api.createProject('two people', 'alice');
  const bob = await api.addMember(project, 'bob');
  const path = 'notes.txt';
  await api.save(project, path, lines('one', 'two', 'three', 'four', 'five', 'six'), 0);
  const alice = await openAs(browser, project, project.token, 'alice', path);
  const bobs = await openAs(browser, project, bob.token, 'bob', path);
  const A = alice.page;
  const B = bobs.page;
  try {
    /** Bob edits line `bobLine` while his save is held; Alice saves line `aliceLine` first. */
    const concurrentEdits = async (aliceLine, aliceText, bobLine, bobText) => {
      const hold = await holdSaves(B);
      await appendToLine(B, bobLine, bobText);
      await waitUntil(() => hold.held() > 0, "Bob's autosave was sent");
      await appendToLine(A, aliceLine, aliceText);
      await A.keyboard.press('Control+s');
      const aliceVersion = await waitForSaved(A, path);
      await hold.release();
      return aliceVersion;
    };
    const bothShowServerText = async (version) => {
      const server = await api.content(project, path, version);
      await waitUntil(async () => (await editorText(B, path)) === server.content, "Bob's editor shows the server text");
      await waitUntil(async () => (await editorText(A, path)) === server.content, "Alice's editor shows the server text");
      return server.content;
    };

    // Different lines: merged without asking.
    const v2 = await concurrentEdits(1, ' (alice)', 6, ' (bob)');
    const v3 = await waitForSaved(B, path);
    assertEqual(v3, v2 + 1, "Bob's merged text became the next version");
    const merged = await bothShowServerText(v3);
    assertEqual(merged, lines('one (alice)', 'two', 'three', 'four', 'five', 'six (bob)'), 'both edits are kept');
    assert(!(await B.getByTestId('conflict-view').isVisible()), 'no conflict view for edits on different lines');

    // Same line, "Keep mine".
    await concurrentEdits(3, ' alice', 3, ' bob');
    await B.getByTestId('conflict-view').waitFor();
    assert((await B.getByTestId('file-status').textContent()).includes('Conflict'), 'the status says there is a conflict');
    await screenshot(B, 'conflict-view');
    await B.getByTestId('keep-mine').click();
    const keptVersion = await waitForSaved(B, path);
    assertEqual(
      await bothShowServerText(keptVersion),
      lines('one (alice)', 'two', 'three bob', 'four', 'five', 'six (bob)'),
      '"Keep mine" saves Bob\'s line over Alice\'s',
    );

    // Same line, "Take theirs".
    const aliceV = await concurrentEdits(4, ' alice', 4, ' bob');
    await B.getByTestId('conflict-view').waitFor();
    await B.getByTestId('take-theirs').click();
    const theirsVersion = await waitForSaved(B, path);
    assertEqual(theirsVersion, aliceV, '"Take theirs" adds no version: the server already has that text');
    assertEqual(
      await bothShowServerText(theirsVersion),
      lines('one (alice)', 'two', 'three bob', 'four alice', 'five', 'six (bob)'),
      '"Take theirs" leaves Alice\'s line',
    );

    // Same line, the merged result edited by hand.
    await concurrentEdits(5, ' alice', 5, ' bob');
    await B.getByTestId('conflict-view').waitFor();
    const mergedEditor = B.locator('.conflict-merged .view-lines');
    await waitUntil(async () => (await shownText(mergedEditor)).includes('<<<<<<<'), 'the merged result shows both sides');
    await mergedEditor.click();
    await B.keyboard.press('Control+a');
    await B.keyboard.type('resolved by hand\n', { delay: 10 });
    await B.getByTestId('use-merged').click();
    const handVersion = await waitForSaved(B, path);
    assertEqual(await bothShowServerText(handVersion), 'resolved by hand\n', 'the edited merged result is saved');
    const history = await api.history(project, path, handVersion);
    assertEqual(history.entries.length, handVersion, 'every save is one gap-free version');
  } finally {
    await alice.context.close();
    await bobs.context.close();
  }
}

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
async function offlineReloadThenSync(browser) {
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
async function serverUnreachableWhileBrowserOnline(browser) {
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

/** 4. History: see who changed what, view a version, diff two, restore one. */
async function historyViewDiffRestore(browser) {
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

/** 5. Live updates: another person's save shows up without a reload; the tree follows their files. */
async function liveUpdateFromSecondContext(browser) {
  const project = await api.createProject('live', 'alice');
  const bob = await api.addMember(project, 'bob');
  const path = 'shared.md';
  await api.save(project, path, lines('line 1', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6'), 0);
  const alice = await openAs(browser, project, project.token, 'alice', path);
  const bobs = await openAs(browser, project, bob.token, 'bob', path);
  const A = alice.page;
  const B = bobs.page;
  try {
    // Bob reads line 5 with his cursor there; Alice edits line 1 and saves.
    await focusEditor(B);
    await gotoLineEnd(B, 5);
    await appendToLine(A, 1, ' edited by alice');
    await A.keyboard.press('Control+s');
    const version = await waitForSaved(A, path);
    const expected = lines('line 1 edited by alice', 'line 2', 'line 3', 'line 4', 'line 5', 'line 6');
    await waitUntil(async () => (await editorText(B, path)) === expected, "Alice's save appears in Bob's editor", 5000);
    assertEqual(await waitForSaved(B, path), version, "Bob's status shows Alice's version");
    assertEqual(await cursorPosition(B), '5:7', "Bob's cursor stays where he was reading");

    // A file Alice creates appears in Bob's tree.
    await A.getByTestId('new-file').click();
    await A.getByRole('dialog').getByRole('textbox').fill('docs/new.md');
    await A.keyboard.press('Enter');
    await B.locator('button.tree-file[data-path="docs/new.md"]').waitFor({ timeout: 5000 });

    // Bob is editing (his save still on its way) when Alice saves again: he is told, and his save merges.
    const notices = await recordNotices(B);
    const hold = await holdSaves(B);
    await appendToLine(B, 6, ' and bob');
    await waitUntil(() => hold.held() > 0, "Bob's save was sent");
    await api.save(project, path, expected.replace('line 3', 'line 3 by alice'), version);
    await waitUntil(async () => (await notices()).some((n) => n.includes('while you were editing')), 'Bob is told about the newer version');
    assertEqual(await editorText(B, path), expected.replace('line 6', 'line 6 and bob'), "Bob's text is left alone while he edits");
    await hold.release();
    const merged = await waitForSaved(B, path);
    const server = await api.content(project, path, merged);
    assertEqual(
      server.content,
      lines('line 1 edited by alice', 'line 2', 'line 3 by alice', 'line 4', 'line 5', 'line 6 and bob'),
      "Bob's edit merged with the newer version",
    );
    assertEqual(await editorText(B, path), server.content, "Bob's editor shows the merged text");
  } finally {
    await alice.context.close();
    await bobs.context.close();
  }
}

/** 6. The file tree: rename (a move) and delete from the keyboard, undelete; the timeline lists it all. */
async function fileTreeAndTimeline(browser) {
  const project = await api.createProject('tree', 'alice');
  await api.save(project, 'README.md', lines('# Tree'), 0);
  await api.save(project, 'src/old.js', lines('console.log(1);'), 0);
  const { context, page } = await openAs(browser, project, project.token, 'alice', 'src/old.js');
  const tree = (path) => page.locator(`button.tree-file[data-path="${path}"]`);
  try {
    assertEqual(await shownLanguage(page), 'javascript', 'a .js file is JavaScript');

    await tree('src/old.js').focus();
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog');
    await rename.getByRole('textbox').fill('lib/new.js');
    await page.keyboard.press('Enter');
    await tree('lib/new.js').waitFor();
    await tree('src/old.js').waitFor({ state: 'detached' });
    assertEqual(await waitForSaved(page, 'lib/new.js'), 2, 'the move is version 2 and the tab follows it');
    const moved = await api.history(project, 'lib/new.js', 2);
    assertEqual(moved.entries.map((e) => e.kind).join(','), 'MOVED,CREATED', 'the history followed the file');

    await tree('lib/new.js').focus();
    await page.keyboard.press('Delete');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await tree('lib/new.js').waitFor({ state: 'detached' });
    const undelete = page.getByTestId('undelete-lib/new.js');
    await undelete.waitFor();
    assert((await api.content(project, 'lib/new.js', 3)).deleted, 'the server has the file deleted');

    await undelete.click();
    await tree('lib/new.js').waitFor();
    assertEqual(await waitForSaved(page, 'lib/new.js'), 4, 'the undelete is version 4');
    assertEqual(await editorText(page, 'lib/new.js'), lines('console.log(1);'), 'the undeleted file has its last content');
    await undelete.waitFor({ state: 'detached' });

    await page.getByTestId('open-timeline').click();
    await page.getByTestId('timeline-entry').nth(4).waitFor();
    const rows = await page.getByTestId('timeline-entry').allTextContents();
    assert(rows.length >= 5, `the timeline lists every change (${rows.length})`);
    assert(rows[0].includes('lib/new.js') && rows[0].toLowerCase().includes('restored'), `newest first: ${rows[0]}`);
    assert(rows.some((r) => r.includes('README.md')), 'changes of every file are listed');
  } finally {
    await context.close();
  }
}

/** 7. A save the server refuses says why, keeps the text, and Retry saves it once it can. */
async function failedSaveShowsReasonAndRetries(browser) {
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

export const scenarios = [
  ['1 rapid typing with Ctrl+S loses nothing', rapidTypingWithCtrlS],
  ['2 two contexts: merge, and conflict view choices', twoContextsMergeAndConflict],
  ['3 offline edits survive a reload and sync on reconnect', offlineReloadThenSync],
  ['4 history: view, diff and restore', historyViewDiffRestore],
  ['5 live update from a second context', liveUpdateFromSecondContext],
  ['6 file tree: rename, delete, undelete; timeline', fileTreeAndTimeline],
  ['7 a refused save says why and Retry saves it', failedSaveShowsReasonAndRetries],
  ['8 the server is unreachable while the browser says online', serverUnreachableWhileBrowserOnline],
  ['9 opening a long history downloads kilobytes', openingALongHistoryCostsKilobytes],
  ['10 deleted files come a page at a time', deletedFilesArePaged],
];
