import type { ProjectClient, StoredEvent } from '../api/client';
import { describeError } from '../api/errors';
import { formatTime, h } from '../ui/dom';

/** Every change across the project's files, newest first, read from the audit event stream. */
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
    const events = await allEvents(client);
    caption.textContent = `${events.length} change${events.length === 1 ? '' : 's'}`;
    for (const event of events.reverse()) {
      const change = describeEvent(event);
      body.append(
        h(
          'tr',
          {},
          h('td', {}, formatTime(event.timestamp)),
          h('td', {}, change.by),
          h('td', {}, change.kind),
          h('td', {}, change.path),
          h('td', {}, change.version),
          h('td', {}, change.message),
        ),
      );
    }
  } catch (error) {
    caption.textContent = `Could not load the timeline: ${describeError(error)}`;
  }
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
  FileMovedEvent: 'moved',
  FileDeletedEvent: 'deleted',
  FileRestoredEvent: 'restored',
};

export function describeEvent(event: StoredEvent): { kind: string; path: string; version: string; by: string; message: string } {
  const p = event.payload as Record<string, unknown>;
  const type = event.type.slice(event.type.lastIndexOf('.') + 1);
  const path = p.fromPath ? `${String(p.fromPath)} → ${String(p.toPath)}` : String(p.path ?? '');
  const restored = p.restoredVersion ? ` (from v${String(p.restoredVersion)})` : '';
  return {
    kind: (KINDS[type] ?? type) + restored,
    path,
    version: p.version !== undefined ? `v${String(p.version)}` : '',
    by: String(p.author ?? p.by ?? ''),
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
