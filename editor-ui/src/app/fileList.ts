import type { FileSummary } from '../api/client';

/**
 * The file list the tree shows: the server's list, corrected by the changes this page already knows
 * of (its own saves, moves and deletes, and live updates) that the list's read model may not show
 * yet. A correction is dropped once the server's list has caught up, or after a while.
 */
interface KnownChange {
  path: string;
  version: number;
  deleted: boolean;
  seenAt: number;
}

const FORGET_AFTER_MS = 30_000;

export class FileList {
  private server: FileSummary[] = [];
  private readonly known = new Map<string, KnownChange>();

  constructor(private readonly now: () => number = Date.now) {}

  setServerList(files: FileSummary[]): void {
    this.server = files;
  }

  /** A change made here or reported live: `fileId` is at `path` in `version` (or deleted). */
  noteChange(fileId: string, path: string, version: number, deleted: boolean): void {
    const current = this.known.get(fileId);
    if (!current || current.version < version) this.known.set(fileId, { path, version, deleted, seenAt: this.now() });
  }

  /** The version of the most recent delete of `path` known here, if any. */
  deletedVersion(path: string): number | null {
    for (const change of this.known.values()) if (change.deleted && change.path === path) return change.version;
    return null;
  }

  files(): FileSummary[] {
    const now = this.now();
    for (const [fileId, change] of this.known) if (now - change.seenAt > FORGET_AFTER_MS) this.known.delete(fileId);
    const byId = new Map<string, FileSummary>();
    for (const file of this.server) {
      const change = this.known.get(file.fileId);
      if (change && change.version > file.version) {
        if (!change.deleted) byId.set(file.fileId, { ...file, path: change.path, version: change.version });
      } else {
        byId.set(file.fileId, file);
        this.known.delete(file.fileId);
      }
    }
    for (const [fileId, change] of this.known) {
      if (change.deleted) {
        if (!this.server.some((f) => f.fileId === fileId)) this.known.delete(fileId);
      } else if (!byId.has(fileId)) {
        byId.set(fileId, {
          path: change.path,
          fileId,
          version: change.version,
          contentHash: '',
          sizeBytes: 0,
          fileType: null,
          updatedAt: new Date(change.seenAt).toISOString(),
          updatedBy: '',
        });
      }
    }
    return [...byId.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
