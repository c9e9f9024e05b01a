import type { ProjectClient, TimelineEntry } from '../api/client';
import { describeError } from '../api/errors';
import { formatTime, h } from '../ui/dom';

const PAGE = 50;

/** Every change across the project's files, newest first, a page at a time ("Load older"). */
export async function showTimeline(host: HTMLElement, client: ProjectClient, close: () => void): Promise<void> {
  const body = h('tbody');
  const caption = h('p', { 'aria-live': 'polite' }, 'Loading…');
  const older = h('button', { type: 'button', 'data-testid': 'timeline-older', hidden: true }, 'Load older');
  host.replaceChildren(
    h(
      'section',
      { className: 'timeline', 'data-testid': 'timeline-view', 'aria-label': 'Project timeline' },
      h(
        'header',
        { className: 'panel-header' },
        h('h2', {}, 'Project timeline'),
        h('button', { type: 'button', onclick: close, title: 'Close (Escape)' }, 'Close'),
      ),
      caption,
      h(
        'div',
        { className: 'timeline-list' },
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...['When', 'Who', 'Change', 'File', 'Version', 'Message'].map((t) => h('th', { scope: 'col' }, t)))),
          body,
        ),
        older,
      ),
    ),
  );
  host.hidden = false;
  let shown = 0;
  let before: number | null = null;
  const load = async (first: boolean): Promise<void> => {
    older.disabled = true;
    try {
      // minVersion on the first page: the timeline shows every change made before it was opened.
      const page = await client.timeline(first ? { limit: PAGE, minVersion: 0 } : { limit: PAGE, before: before ?? undefined });
      body.append(...page.entries.map(row));
      shown += page.entries.length;
      before = page.next;
      caption.textContent = `${shown} change${shown === 1 ? '' : 's'}${before === null ? '' : ' (older ones below)'}`;
      older.hidden = before === null;
    } catch (error) {
      caption.textContent = `Could not load the timeline: ${describeError(error)}`;
    } finally {
      older.disabled = false;
    }
  };
  older.addEventListener('click', () => void load(false));
  await load(true);
}

function row(entry: TimelineEntry): HTMLElement {
  return h(
    'tr',
    { 'data-testid': 'timeline-entry' },
    h('td', {}, formatTime(entry.at)),
    h('td', {}, entry.by),
    h('td', {}, entry.kind.toLowerCase()),
    h('td', {}, entry.fromPath ? `${entry.fromPath} → ${entry.path}` : entry.path),
    h('td', {}, `v${entry.version}`),
    h('td', {}, entry.message ?? ''),
  );
}
