// Scenario 11: Ctrl+Z after the program changed the text (a restore, someone else's change, a conflict choice)
// gives back the text from before that change, byte for byte, and that is what autosave stores.
import {
  LAPTOP_SCREEN, api, appendToLine, assertEqual, editorText, focusEditor, holdSaves, lines, openAs, waitForText,
  waitUntil,
} from '../lib.mjs';

/**
 * 11. Each change the program makes to the open file is one undo step of its own. The user typed a line
 * ending in Enter, restored an older version, pressed Ctrl+Z, and got the typed text back without its final
 * newline, which autosave then stored: the restore had joined the undo step of the Enter.
 */
export async function undoAfterProgramChangesIsExact(browser) {
  const project = await api.createProject('undo', 'alice');
  const path = 'greek.txt';
  await api.save(project, path, lines('alpha', 'beta'), 0);
  const { context, page } = await openAs(browser, project, project.token, 'alice', path, LAPTOP_SCREEN);
  /** Waits until the server's newest version of the file is `version`, and answers its text. */
  const serverText = async (version) => {
    await waitUntil(async () => (await api.content(project, path)).version === version, `the server has v${version}`, 20_000);
    return (await api.content(project, path)).content;
  };
  const undo = async () => {
    await focusEditor(page);
    await page.keyboard.press('Control+z');
  };
  try {
    // A line typed and ended with Enter (line 3 is the empty line after the final newline).
    await appendToLine(page, 3, 'gamma\n');
    const typed = lines('alpha', 'beta', 'gamma');
    assertEqual(await serverText(2), typed, 'autosave stored the typed line');

    // Restore v1, then undo it.
    await page.getByTestId('open-history').click();
    await page.getByTestId('history-restore-1').click();
    await page.getByTestId('history-entry-3').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('history-view').waitFor({ state: 'detached' });
    await waitForText(page, path, (text) => text === lines('alpha', 'beta'));
    await undo();
    await waitForText(page, path, (text) => text !== lines('alpha', 'beta'));
    assertEqual(await editorText(page, path), typed, 'Ctrl+Z after a restore shows the text from before it');
    assertEqual(await serverText(4), typed, 'autosave stores exactly the text from before the restore');

    // Someone else's change arrives in the open file; Ctrl+Z gives back the text from before it.
    await appendToLine(page, 4, 'delta\n');
    const beforeRemote = lines('alpha', 'beta', 'gamma', 'delta');
    assertEqual(await serverText(5), beforeRemote, 'autosave stored the second typed line');
    await api.save(project, path, lines('ALPHA', 'beta', 'gamma', 'delta'), 5);
    await waitForText(page, path, (text) => text === lines('ALPHA', 'beta', 'gamma', 'delta'));
    await undo();
    await waitForText(page, path, (text) => !text.startsWith('ALPHA'));
    assertEqual(await editorText(page, path), beforeRemote, 'Ctrl+Z after a remote change shows the text from before it');
    assertEqual(await serverText(7), beforeRemote, 'autosave stores exactly the text from before the remote change');

    // A conflict settled with "Take theirs"; Ctrl+Z gives back my text from before the choice.
    const hold = await holdSaves(page);
    await appendToLine(page, 5, 'epsilon\n');
    await waitUntil(() => hold.held() > 0, 'the autosave was sent');
    const theirs = lines('alpha', 'beta', 'gamma', 'delta', 'zeta');
    await api.save(project, path, theirs, 7);
    await hold.release();
    await page.getByTestId('conflict-view').waitFor();
    await page.getByTestId('take-theirs').click();
    await waitForText(page, path, (text) => text === theirs);
    await undo();
    const mine = lines('alpha', 'beta', 'gamma', 'delta', 'epsilon');
    await waitForText(page, path, (text) => text !== theirs);
    assertEqual(await editorText(page, path), mine, 'Ctrl+Z after "Take theirs" shows my text from before the choice');
    assertEqual(await serverText(9), mine, 'autosave stores exactly my text from before the choice');
  } finally {
    await context.close();
  }
}
