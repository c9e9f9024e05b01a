// Scenario 5: another person's saves and new files show up without a reload.
import {
  api, appendToLine, assertEqual, cursorPosition, editorText, focusEditor, gotoLineEnd, holdSaves, lines, openAs, recordNotices, waitForSaved, waitUntil,
} from '../lib.mjs';

/** 5. Live updates: another person's save shows up without a reload; the tree follows their files. */
export async function liveUpdateFromSecondContext(browser) {
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
