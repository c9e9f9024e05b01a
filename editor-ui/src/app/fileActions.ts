import { isVersionConflict, type FileVersionResult, type ProjectClient } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { languageFor } from '../editor/languages';
import type { Base } from '../sync/saveTypes';
import { askText, confirmAction } from '../ui/dialog';

/** The file an action works on: the active tab's. */
export interface ActionTarget {
  readonly path: string;
  /** The server version its text derives from; null while it is not loaded. */
  readonly knownBase: Base | null;
  /** Saves what is typed and waits for it (throws when that failed). */
  flush(): Promise<void>;
  /** A move made a version. */
  rebase(base: Base): void;
}

/** What the actions tell the file tree: changes it may show before the server's lists do. */
export interface TreeUpdates {
  noteChange(change: FileVersionResult, deleted?: boolean): void;
  deletedVersion(path: string): number | null;
  rememberDelete(path: string): void;
  undeleted(path: string): void;
  loadFiles(): Promise<void>;
  scheduleRefresh(): void;
}

/** What the actions need of the tabs. */
export interface TabControl {
  active(): ActionTarget | null;
  open(path: string, minVersion?: number): Promise<void>;
  renamed(from: string, to: string): void;
  /** Closes the tab at once, unsaved edits or not. */
  close(path: string): void;
}

export interface FileActionsDeps {
  readonly client: Pick<ProjectClient, 'save' | 'move' | 'delete' | 'history' | 'restore'>;
  readonly tree: TreeUpdates;
  readonly tabs: TabControl;
  notice(text: string): void;
}

/** New file, rename, delete and undelete: each asks in a dialog, and shows the server's refusal in words. */
export class FileActions {
  constructor(private readonly deps: FileActionsDeps) {}

  async create(): Promise<void> {
    const active = this.deps.tabs.active()?.path ?? null;
    const folder = active && active.includes('/') ? active.slice(0, active.lastIndexOf('/') + 1) : '';
    const path = await askText({
      title: 'New file',
      label: 'Path',
      value: folder,
      confirm: 'Create',
      validate: async (value) => {
        try {
          const created = await this.deps.client.save(value, { content: '', expectedVersion: 0, fileType: languageFor(value) }, crypto.randomUUID());
          this.deps.tree.noteChange(created);
          return null;
        } catch (error) {
          if (isVersionConflict(error)) return `${value} already exists.`;
          return describeError(error);
        }
      },
    });
    if (!path) return;
    await this.deps.tree.loadFiles();
    await this.deps.tabs.open(path, 1);
  }

  async renameActive(): Promise<void> {
    const file = this.deps.tabs.active();
    if (!file?.knownBase) return;
    const from = file.path;
    const to = await askText({
      title: `Rename ${from}`,
      label: 'New path',
      value: from,
      confirm: 'Rename',
      validate: async (value) => {
        if (value === from) return 'That is the current path.';
        try {
          await file.flush();
          const base = file.knownBase!;
          const result = await this.deps.client.move(from, value, base.version);
          file.rebase({ version: result.version, content: base.content });
          this.deps.tree.noteChange(result);
          return null;
        } catch (error) {
          if (error instanceof ApiError && error.problemKind === 'path-taken') return `${value} already holds a file.`;
          return describeError(error);
        }
      },
    });
    if (!to) return;
    this.deps.tabs.renamed(from, to);
    await this.deps.tree.loadFiles();
  }

  async deleteActive(): Promise<void> {
    const file = this.deps.tabs.active();
    if (!file?.knownBase) return;
    if (!(await confirmAction(`Delete ${file.path}?`, 'Its history stays; you can undelete it later.', 'Delete'))) return;
    try {
      await file.flush();
      const result = await this.deps.client.delete(file.path, file.knownBase!.version);
      this.deps.tree.noteChange(result, true);
      this.deps.tree.rememberDelete(file.path);
      this.deps.tabs.close(file.path);
      this.deps.tree.scheduleRefresh();
    } catch (error) {
      this.deps.notice(`Could not delete ${file.path}: ${describeError(error)}`);
    }
  }

  async undelete(path: string): Promise<void> {
    try {
      const { client, tree } = this.deps;
      const history = await client.history(path, { limit: 2, minVersion: tree.deletedVersion(path) ?? undefined });
      const [deletion, lastLive] = history.entries;
      if (!deletion || deletion.kind !== 'DELETED' || !lastLive) throw new Error(`${path} is not deleted`);
      tree.noteChange(await client.restore(path, lastLive.version, deletion.version));
      tree.undeleted(path);
      await tree.loadFiles();
      await this.deps.tabs.open(path, deletion.version + 1);
    } catch (error) {
      this.deps.notice(`Could not undelete ${path}: ${describeError(error)}`);
    }
  }
}
