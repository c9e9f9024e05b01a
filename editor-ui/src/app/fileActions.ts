import { isVersionConflict, type FileVersionResult, type ProjectClient } from '../api/client';
import { ApiError, describeError } from '../api/errors';
import { languageFor } from '../editor/languages';
import { askText, confirmAction } from '../ui/dialog';
import type { OpenFile } from './openFile';
import type { OpenFiles } from './openFiles';

/** What the file actions need of the page. */
export interface FileActionsHost {
  readonly client: ProjectClient;
  readonly files: OpenFiles;
  activeFile(): OpenFile | null;
  /** A change made here: the tree shows it before the file list's read model does. */
  noteChange(change: FileVersionResult, deleted?: boolean): void;
  deletedVersion(path: string): number | null;
  loadFiles(): Promise<void>;
  openFile(path: string, options?: { minVersion?: number }): Promise<void>;
  renamePath(from: string, to: string): void;
  closeTab(path: string, options?: { force?: boolean }): void;
  rememberDelete(path: string): void;
  undeleted(path: string): void;
  scheduleTreeRefresh(): void;
  showNotice(text: string): void;
}

/** New file, rename, delete and undelete: each asks in a dialog, and shows the server's refusal in words. */
export class FileActions {
  constructor(private readonly host: FileActionsHost) {}

  async create(): Promise<void> {
    const active = this.host.activeFile()?.path ?? null;
    const folder = active && active.includes('/') ? active.slice(0, active.lastIndexOf('/') + 1) : '';
    const path = await askText({
      title: 'New file',
      label: 'Path',
      value: folder,
      confirm: 'Create',
      validate: async (value) => {
        try {
          const created = await this.host.client.save(value, { content: '', expectedVersion: 0, fileType: languageFor(value) }, crypto.randomUUID());
          this.host.noteChange(created);
          return null;
        } catch (error) {
          if (isVersionConflict(error)) return `${value} already exists.`;
          return describeError(error);
        }
      },
    });
    if (!path) return;
    await this.host.loadFiles();
    await this.host.openFile(path, { minVersion: 1 });
  }

  async renameActive(): Promise<void> {
    const file = this.host.activeFile();
    const queue = file?.queue;
    if (!file || !queue) return;
    const from = file.path;
    const to = await askText({
      title: `Rename ${from}`,
      label: 'New path',
      value: from,
      confirm: 'Rename',
      validate: async (value) => {
        if (value === from) return 'That is the current path.';
        try {
          await this.host.files.flush(file);
          const result = await this.host.client.move(from, value, queue.knownBase.version);
          queue.rebase({ version: result.version, content: queue.knownBase.content });
          this.host.noteChange(result);
          return null;
        } catch (error) {
          if (error instanceof ApiError && error.problemKind === 'path-taken') return `${value} already holds a file.`;
          return describeError(error);
        }
      },
    });
    if (!to) return;
    this.host.renamePath(from, to);
    await this.host.loadFiles();
  }

  async deleteActive(): Promise<void> {
    const file = this.host.activeFile();
    if (!file?.queue) return;
    if (!(await confirmAction(`Delete ${file.path}?`, 'Its history stays; you can undelete it later.', 'Delete'))) return;
    try {
      await this.host.files.flush(file);
      const result = await this.host.client.delete(file.path, file.queue.knownBase.version);
      this.host.noteChange(result, true);
      this.host.rememberDelete(file.path);
      this.host.closeTab(file.path, { force: true });
      this.host.scheduleTreeRefresh();
    } catch (error) {
      this.host.showNotice(`Could not delete ${file.path}: ${describeError(error)}`);
    }
  }

  async undelete(path: string): Promise<void> {
    try {
      const history = await this.host.client.history(path, { limit: 2, minVersion: this.host.deletedVersion(path) ?? undefined });
      const [deletion, lastLive] = history.entries;
      if (!deletion || deletion.kind !== 'DELETED' || !lastLive) throw new Error(`${path} is not deleted`);
      this.host.noteChange(await this.host.client.restore(path, lastLive.version, deletion.version));
      this.host.undeleted(path);
      await this.host.loadFiles();
      await this.host.openFile(path, { minVersion: deletion.version + 1 });
    } catch (error) {
      this.host.showNotice(`Could not undelete ${path}: ${describeError(error)}`);
    }
  }
}
