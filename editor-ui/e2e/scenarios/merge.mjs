// Scenario 2: two people save one file at once; their edits merge, or the conflict view lets them choose.
import {
  api, appendToLine, assert, assertEqual, editorText, holdSaves, lines, openAs, screenshot, shownText, waitForSaved, waitUntil,
} from '../lib.mjs';

/**
 * 2. Two people edit one file. Bob's save is held back until Alice's has landed, so it meets a newer
 * version: edits to different lines merge by themselves; edits to the same line open the conflict
 * view, and each of its choices ends with the chosen text on the server and on both screens.
 */
export async function twoContextsMergeAndConflict(browser) {
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
