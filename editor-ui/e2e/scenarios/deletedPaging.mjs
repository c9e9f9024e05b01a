// The deleted-files list comes from the server a page (100 paths) at a time; "Load more" adds the next page.
import { BASE_URL, api, assertEqual, newPage, openShared } from '../lib.mjs';

const DELETED = 102;

async function createAndDelete(project, path) {
  await api.save(project, path, 'x\n', 0);
  const response = await fetch(`${BASE_URL}/api/projects/${project.projectId}/files?path=${encodeURIComponent(path)}&expectedVersion=1`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${project.token}` },
  });
  if (!response.ok) throw new Error(`delete ${path} -> ${response.status}`);
}

/** 10. More deleted files than one page: the list shows the first page and loads the rest on request. */
export async function deletedFilesArePaged(browser) {
  const project = await api.createProject('many deleted', 'alice');
  // Each member has a rate limit of its own; the setup is faster than any editor.
  const members = [project, await api.addMember(project, 'bob'), await api.addMember(project, 'carol')];
  const paths = Array.from({ length: DELETED }, (_, i) => `old/${String(i).padStart(3, '0')}.txt`);
  await Promise.all(members.map(async (member, m) => {
    for (let i = m; i < paths.length; i += members.length) await createAndDelete({ ...project, token: member.token }, paths[i]);
  }));
  await api.save(project, 'kept.txt', 'x\n', 0);
  const { context, page } = await newPage(browser);
  try {
    await openShared(page, project, project.token, 'alice');
    const more = page.getByTestId('deleted-more');
    await more.waitFor();
    const undelete = page.locator('[data-testid^="undelete-"]');
    assertEqual(await undelete.count(), 100, 'the first page of deleted files');
    await more.click();
    await page.getByTestId(`undelete-${paths[DELETED - 1]}`).waitFor();
    assertEqual(await undelete.count(), DELETED, 'every deleted file once the next page is loaded');
    assertEqual(await more.count(), 0, 'no more to load');
    const shown = await undelete.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid').slice('undelete-'.length)));
    assertEqual(shown.join(','), paths.join(','), 'in path order');
  } finally {
    await context.close();
  }
}
