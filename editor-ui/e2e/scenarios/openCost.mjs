// What opening a project costs on the wire: the page must download kilobytes whatever the project's history
// holds. A project with many versions of 10 KiB files is opened; every API response the page receives is counted.
import { randomBytes } from 'node:crypto';
import { BASE_URL, api, assert, assertEqual, newPage, openShared } from '../lib.mjs';

const VERSIONS = Number(process.env.OPEN_COST_VERSIONS ?? 300);
const FILES = 4;
const OPEN_BUDGET_BYTES = 256 * 1024;

/** A save, waiting out the rate limit (the setup saves far faster than an editor would). */
async function save(project, path, content) {
  for (;;) {
    const response = await fetch(`${BASE_URL}/api/projects/${project.projectId}/files?path=${encodeURIComponent(path)}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${project.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content, expectedVersion: null, fileType: 'plaintext' }),
    });
    if (response.status === 429) {
      await new Promise((r) => setTimeout(r, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
      continue;
    }
    if (!response.ok) throw new Error(`save ${path} -> ${response.status} ${await response.text()}`);
    return;
  }
}

/** Counts the bytes of every finished API response (headers and body) from now on; the live stream never finishes. */
function countApiBytes(page) {
  let bytes = 0;
  let pending = 0;
  const isApi = (request) => new URL(request.url()).pathname.startsWith('/api/') && !request.url().includes('/updates');
  page.on('request', (request) => {
    if (isApi(request)) pending++;
  });
  const done = async (request) => {
    if (!isApi(request)) return;
    try {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    } finally {
      pending--;
    }
  };
  page.on('requestfinished', done);
  page.on('requestfailed', (request) => {
    if (isApi(request)) pending--;
  });
  return {
    async settled() {
      while (pending > 0) await new Promise((r) => setTimeout(r, 50));
      return bytes;
    },
    reset() {
      bytes = 0;
    },
  };
}

/** 9. Opening a project with a long history downloads kilobytes, and so does opening its timeline. */
export async function openingALongHistoryCostsKilobytes(browser) {
  const project = await api.createProject('long history', 'alice');
  // Random text: compression on the wire must not hide what a page downloads.
  const tenKiB = () => randomBytes(7680).toString('base64');
  for (let i = 0; i < VERSIONS; i++) await save(project, `file${i % FILES}.txt`, `${tenKiB()}\n`);
  await api.save(project, 'gone.txt', 'bye\n', 0);
  await fetch(`${BASE_URL}/api/projects/${project.projectId}/files?path=gone.txt&expectedVersion=1`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${project.token}` },
  });
  const { context, page } = await newPage(browser);
  try {
    const counter = countApiBytes(page);
    await openShared(page, project, project.token, 'alice');
    await page.getByTestId('undelete-gone.txt').waitFor();
    const onOpen = await counter.settled();
    counter.reset();
    await page.getByTestId('open-timeline').click();
    await page.getByTestId('timeline-entry').first().waitFor();
    const onTimeline = await counter.settled();
    const history = VERSIONS * 10 * 1024;
    console.log(`    ${VERSIONS} versions (${(history / 1024 / 1024).toFixed(1)} MiB of content): opening the project ` +
      `downloaded ${onOpen} bytes of API responses, opening the timeline ${onTimeline} bytes`);
    assert(onOpen < OPEN_BUDGET_BYTES, `opening the project downloads kilobytes, not the history (${onOpen} bytes)`);
    assert(onTimeline < OPEN_BUDGET_BYTES, `opening the timeline downloads kilobytes (${onTimeline} bytes)`);

    // "Load older" adds the next page below, each change listed once.
    const rows = page.getByTestId('timeline-entry');
    const firstPage = await rows.count();
    await page.getByTestId('timeline-older').click();
    await rows.nth(firstPage).waitFor();
    const shown = await rows.allTextContents();
    assertEqual(shown.length, Math.min(2 * firstPage, VERSIONS + 2), 'the next page is added below');
    assertEqual(new Set(shown.map((row) => row.replace(/^.*?(file\d+\.txt|gone\.txt)/, '$1'))).size, shown.length, 'no change is listed twice');
  } finally {
    await context.close();
  }
}
