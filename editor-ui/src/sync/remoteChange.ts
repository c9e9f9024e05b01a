import type { FileChangedEvent } from '../api/client';
import type { SaveQueue } from './saveQueue';
import type { Base } from './saveTypes';

/** What the remote-change logic needs of one open file and of the page, with no DOM in it. */
export interface RemoteChangeTarget {
  readonly path: string;
  readonly queue: SaveQueue;
  /** The file's content as the server holds it, at least `minVersion`. */
  fetchContent(minVersion: number): Promise<{ version: number; content: string; savedBy: string }>;
  /** Puts the server's text in the editor without it counting as an edit. */
  showText(text: string): void;
  notify(notice: string | null): void;
  /** Lowercase hex SHA-256 of the text's UTF-8 bytes, or null where it cannot be computed. */
  hash(text: string): Promise<string | null>;
}

/**
 * Someone else's change of an open file arrived (live update, or found after a reconnect). Unedited text takes the
 * new version; edited text stays as typed and merges on its next save (the 409 starts the merge); a delete leaves
 * the text in the tab.
 */
export async function applyRemoteChange(event: FileChangedEvent, file: RemoteChangeTarget): Promise<void> {
  const queue = file.queue;
  if (event.version <= queue.knownBase.version) return;
  if (queue.busy) {
    // Our own save's event can arrive before its answer. Anyone else's means our save will meet
    // a newer version, and the 409 it gets starts the merge.
    const sending = queue.inFlightContent;
    const ours = sending === null ? null : await file.hash(sending);
    if (ours === null) await queue.settled();
    else if (ours === event.contentHash) return;
    else {
      file.notify(`${event.by} saved v${event.version} of ${file.path} while you were editing. Your edits are being merged with it.`);
      return;
    }
    if (event.version <= queue.knownBase.version) return;
  }
  if (event.kind === 'DELETED') {
    file.notify(`${event.by} deleted ${file.path}. Your text stays in this tab; undelete the file (Deleted files) to go on saving it.`);
    return;
  }
  let content;
  try {
    content = await file.fetchContent(event.version);
  } catch {
    return; // The next save merges with whatever is newest.
  }
  if (content.version <= queue.knownBase.version) return;
  const theirs: Base = { version: content.version, content: content.content };
  if (queue.adoptServerVersion(theirs, () => file.showText(content.content))) {
    file.notify(null);
  } else {
    file.notify(
      `${content.savedBy} saved v${content.version} of ${file.path} while you were editing. ` +
        'Your edits will be merged with it when they are saved.',
    );
  }
}

/** The changes missed while offline: files open here that the server's list shows at a newer version. */
export function missedChanges(
  open: Array<{ path: string; knownVersion: number | null }>,
  files: Array<{ path: string; fileId: string; version: number; contentHash: string; updatedBy: string; updatedAt: string }>,
): FileChangedEvent[] {
  const changes: FileChangedEvent[] = [];
  for (const file of open) {
    const summary = files.find((f) => f.path === file.path);
    if (!summary || file.knownVersion === null || summary.version <= file.knownVersion) continue;
    changes.push({
      path: summary.path,
      fileId: summary.fileId,
      version: summary.version,
      kind: 'SAVED',
      contentHash: summary.contentHash,
      by: summary.updatedBy,
      at: summary.updatedAt,
    });
  }
  return changes;
}

/** Lowercase hex SHA-256 of the text's UTF-8 bytes, as the contract's contentHash; null without WebCrypto. */
export async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
