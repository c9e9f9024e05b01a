import type { ProjectClient, StoredEvent } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { formatTime, h } from '../ui/dom';

/** One change of one file, as the timeline lists it. */
export interface TimelineEntry {
  at: string;
  by: string;
  kind: string;
  path: string;
  version: number | null;
  message: string;
}

/** Every change across the project's files, newest first. */
export async function showTimeline(host: HTMLElement, client: ProjectClient, close: () => void): Promise<void> {
  const body = h('tbody');
  const caption = h('p', { 'aria-live': 'polite' }, 'Loading…');
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
      ),
    ),
  );
  host.hidden = false;
  try {
    const { entries, complete } = await timeline(client);
    caption.textContent =
      `${entries.length} change${entries.length === 1 ? '' : 's'}` +
      (complete ? '' : ' (files that are deleted now are not listed: the server has no event stream route)');
    for (const entry of entries) {
      body.append(
        h(
          'tr',
          { 'data-testid': 'timeline-entry' },
          h('td', {}, formatTime(entry.at)),
          h('td', {}, entry.by),
          h('td', {}, entry.kind),
          h('td', {}, entry.path),
          h('td', {}, entry.version === null ? '' : `v${entry.version}`),
          h('td', {}, entry.message),
        ),
      );
    }
  } catch (error) {
    caption.textContent = `Could not load the timeline: ${describeError(error)}`;
  }
}

/**
 * The project's changes, newest first: from the audit event stream, or, where the server does not
 * offer it (404), from the histories of the live files.
 */
export async function timeline(client: ProjectClient): Promise<{ entries: TimelineEntry[]; complete: boolean }> {
  try {
    const events = await allEvents(client);
    return { entries: events.map(fromEvent).reverse(), complete: true };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  const files = await client.listFiles();
  const histories = await Promise.all(files.map((f) => client.history(f.path, { limit: 1000 })));
  const entries = histories.flatMap((history) =>
    history.entries.map((e) => ({
      at: e.at,
      by: e.by,
      kind: e.kind.toLowerCase(),
      path: e.path,
      version: e.version,
      message: e.message ?? '',
    })),
  );
  entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return { entries, complete: false };
}

export async function allEvents(client: ProjectClient): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await client.events(after, 1000);
    events.push(...page);
    if (page.length < 1000) return events;
    after = page[page.length - 1].position;
  }
}

const KINDS: Record<string, string> = {
  FileCreatedEvent: 'created',
  FileVersionSavedEvent: 'saved',
  FileEditedEvent: 'saved',
  FileMovedEvent: 'moved',
  FileDeletedEvent: 'deleted',
  FileRestoredEvent: 'restored',
};

function fromEvent(event: StoredEvent): TimelineEntry {
  const p = event.payload as Record<string, unknown>;
  const type = event.type.slice(event.type.lastIndexOf('.') + 1);
  const restored = p.restoredVersion ? ` (from v${String(p.restoredVersion)})` : '';
  return {
    at: event.timestamp,
    by: String(p.author ?? p.by ?? ''),
    kind: (KINDS[type] ?? type) + restored,
    path: p.fromPath ? `${String(p.fromPath)} → ${String(p.toPath)}` : String(p.path ?? ''),
    version: typeof p.version === 'number' ? p.version : null,
    message: String(p.message ?? ''),
  };
}

/** Paths whose latest change was a delete: what the tree offers to undelete. */
export function deletedPaths(events: StoredEvent[]): string[] {
  const last = new Map<string, string>();
  for (const event of events) {
    const p = event.payload as Record<string, unknown>;
    const type = event.type.slice(event.type.lastIndexOf('.') + 1);
    if (type === 'FileMovedEvent') {
      last.set(String(p.fromPath), 'moved');
      last.set(String(p.toPath), 'live');
    } else if (p.path !== undefined) {
      last.set(String(p.path), type === 'FileDeletedEvent' ? 'deleted' : 'live');
    }
  }
  return [...last].filter(([, state]) => state === 'deleted').map(([path]) => path).sort();
}
