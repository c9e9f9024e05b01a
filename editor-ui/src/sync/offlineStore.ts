import type { Base, SentSave } from './saveTypes';
import type { FileSummary } from '../api/client';

/**
 * What must survive a reload or a lost connection, per project, in localStorage: unsaved text with
 * the server version it started from, the open tabs and the last file list seen. localStorage is
 * synchronous, so an edit is stored before the page can go away.
 */
export interface PendingEdit {
  content: string;
  base: Base;
  fileId: string | null;
  updatedAt: number;
  /** The save that was in flight, answer unknown; resent with its key after a reload. */
  inFlight?: SentSave | null;
}

export class OfflineStore {
  private readonly prefix: string;

  constructor(
    projectId: string,
    private readonly storage: Storage = localStorage,
  ) {
    this.prefix = `velocity:${projectId}:`;
  }

  putPending(path: string, edit: PendingEdit): boolean {
    return this.write(`pending:${path}`, edit);
  }

  pending(path: string): PendingEdit | null {
    return this.read<PendingEdit>(`pending:${path}`);
  }

  removePending(path: string): void {
    this.storage.removeItem(this.prefix + `pending:${path}`);
  }

  pendingPaths(): string[] {
    const paths: string[] = [];
    const marker = this.prefix + 'pending:';
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (key?.startsWith(marker)) paths.push(key.slice(marker.length));
    }
    return paths.sort();
  }

  setOpenTabs(paths: string[], active: string | null): void {
    this.write('tabs', { paths, active });
  }

  openTabs(): { paths: string[]; active: string | null } {
    return this.read('tabs') ?? { paths: [], active: null };
  }

  setFiles(files: FileSummary[]): void {
    this.write('files', files);
  }

  files(): FileSummary[] | null {
    return this.read('files');
  }

  /** Paths this browser has seen deleted. */
  setSeenDeletes(paths: string[]): void {
    this.write('deleted', paths);
  }

  seenDeletes(): string[] {
    return this.read('deleted') ?? [];
  }

  private write(key: string, value: unknown): boolean {
    try {
      this.storage.setItem(this.prefix + key, JSON.stringify(value));
      return true;
    } catch {
      return false; // quota exceeded: the caller tells the user the edit is only in memory
    }
  }

  private read<T>(key: string): T | null {
    const raw = this.storage.getItem(this.prefix + key);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  }
}
