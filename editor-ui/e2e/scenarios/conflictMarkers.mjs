// Scenario 12: the conflict view says which conflicts are unresolved, settles them one by one, and never saves
// conflict markers into the file unless the user says so.
import {
  LAPTOP_SCREEN, api, assert, assertEqual, holdSaves, lines, openAs, screenshot, shownText, waitForSaved, waitUntil,
} from '../lib.mjs';

const base = lines('one', 'two', 'three', 'four', 'five', 'six');

/**
 * 12. Bob's save of lines 2 and 5 meets Alice's newer version of the same two lines: the merge view counts two
 * unresolved conflicts, "Save" asks before it stores markers (and stores nothing when told to keep resolving),
 * each conflict takes yours or theirs on its own, and once none is left the merged text saves without a question.
 * A second conflict saved with the markers on purpose shows that the question lets them through when confirmed.
 */
export async function unresolvedConflictsAreNotSavedUnasked(browser) {
  const project = await api.createProject('markers', 'alice');
  const bob = await api.addMember(project, 'bob');
  const path = 'notes.txt';
  await api.save(project, path, base, 0);
  const { context, page } = await openAs(browser, project, bob.token, 'bob', path, LAPTOP_SCREEN);
  const view = page.getByTestId('conflict-view');
  const summary = page.getByTestId('conflict-unresolved');
  const saveMerged = page.getByTestId('use-merged');
  /** Bob edits lines 2 and 5 while his save is held; Alice saves her own edits of them first. */
  const bothEditLinesTwoAndFive = async (expectedVersion) => {
    const hold = await holdSaves(page);
    await page.locator('[data-testid=editor] .view-lines').click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' bob', { delay: 10 });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' bob', { delay: 10 });
    await waitUntil(() => hold.held() > 0, "Bob's autosave was sent");
    const alices = (await api.content(project, path, expectedVersion)).content.replace(/^(two|five)(.*)$/gm, '$1$2 alice');
    await api.save(project, path, alices, expectedVersion);
    await hold.release();
    await view.waitFor();
  };
  try {
    await bothEditLinesTwoAndFive(1);
    const aliceVersion = 2;

    // Save with the merge as proposed: a question, not a version with markers in it.
    await saveMerged.click();
    const question = page.locator('dialog[open]');
    const outcome = await waitUntil(async () => {
      if (await question.isVisible()) return 'asked';
      const server = await api.content(project, path);
      return server.version > aliceVersion ? `saved v${server.version}: ${JSON.stringify(server.content)}` : null;
    }, 'a question, or a new version');
    assertEqual(outcome, 'asked', 'saving with conflicts left asks first');
    assert((await question.textContent()).includes('2 conflicts'), `the question names what is left: ${await question.textContent()}`);
    await screenshot(page, 'conflict-save-question');
    await question.getByRole('button', { name: 'Keep resolving' }).click();
    await question.waitFor({ state: 'detached' });
    assert(await view.isVisible(), 'the conflict view stays open');
    assertEqual((await api.content(project, path)).version, aliceVersion, 'nothing was saved');
    await waitUntil(async () => (await summary.textContent()).includes('2 conflicts unresolved'), 'the view counts two conflicts');
    assert(!(await saveMerged.textContent()).includes('Save merged result'), `the button says markers would be saved: ${await saveMerged.textContent()}`);
    await screenshot(page, 'conflict-unresolved');

    // One conflict at a time: go to the second, take theirs there; take yours in the first.
    await page.getByTestId('conflict-goto-2').click();
    await waitUntil(async () => (await page.getByTestId('conflict-hunk-2').getAttribute('aria-current')) === 'true', 'the second conflict is the current one');
    await page.getByTestId('conflict-take-theirs-2').click();
    await waitUntil(async () => (await summary.textContent()).includes('1 conflict unresolved'), 'one conflict is left');
    await page.getByTestId('conflict-take-yours-1').click();
    await waitUntil(async () => (await summary.textContent()).includes('All conflicts resolved'), 'no conflict is left');
    const resolved = lines('one', 'two bob', 'three', 'four', 'five alice', 'six');
    const shownMerge = await shownText(page.locator('.conflict-merged .view-lines'));
    assert(shownMerge.includes('two bob') && shownMerge.includes('five alice') && !shownMerge.includes('<<<<<<<'), `the merged result holds the chosen lines: ${shownMerge}`);
    assertEqual(await saveMerged.textContent(), 'Save merged result', 'the button saves the merged result as it is');
    await saveMerged.click();
    const resolvedVersion = await waitForSaved(page, path);
    assertEqual((await api.content(project, path, resolvedVersion)).content, resolved, 'the merged text is saved, without markers');

    // Saved with the markers on purpose.
    await bothEditLinesTwoAndFive(resolvedVersion);
    await waitUntil(async () => (await summary.textContent()).includes('2 conflicts unresolved'), 'the view counts two conflicts again');
    await saveMerged.click();
    await question.waitFor();
    await question.getByRole('button', { name: 'Save with markers' }).click();
    const markedVersion = await waitForSaved(page, path);
    const marked = (await api.content(project, path, markedVersion)).content;
    assert(marked.includes('<<<<<<< yours') && marked.includes('>>>>>>> theirs'), 'confirmed markers are saved as asked');
  } finally {
    await context.close();
  }
}
