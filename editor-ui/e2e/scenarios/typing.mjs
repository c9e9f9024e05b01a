// Scenario 1: typing fast with Ctrl+S in the middle, the bug this editor was first written against.
import {
  BASE_URL, api, assert, assertEqual, editorText, newPage, recordStatuses, screenshot, waitForSaved, waitForText,
} from '../lib.mjs';

/** 1. The original bug: rapid typing with Ctrl+S in the middle loses nothing and never fails. */
export async function rapidTypingWithCtrlS(browser) {
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
