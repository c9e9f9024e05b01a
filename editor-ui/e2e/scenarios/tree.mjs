// Scenario 6: the file tree (rename, delete, undelete from the keyboard) and the project timeline.
import { api, assert, assertEqual, editorText, lines, openAs, shownLanguage, waitForSaved } from '../lib.mjs';

/** 6. The file tree: rename (a move) and delete from the keyboard, undelete; the timeline lists it all. */
export async function fileTreeAndTimeline(browser) {
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
