import type { FileSummary, ProjectClient } from '../api/client';
import { NetworkError, describeError } from '../api/errors';
import type { OfflineStore } from '../sync/offlineStore';
import { DeletedView } from './deletedView';
import { FileList } from './fileList';
import type { OpenFiles } from './openFiles';
import { TreeView } from './treeView';

/**
 * The file tree and the deleted files: the server's lists, with the changes this page already knows of on top
 * (its own and live updates), which the read models may not show yet.
 */
export class Sidebar {
  private readonly fileList = new FileList();
  private refresh: ReturnType<typeof setTimeout> | null = null;
  readonly tree: TreeView;
  readonly deleted: DeletedView;

  constructor(
    private readonly client: ProjectClient,
    private readonly store: OfflineStore,
    private readonly files: OpenFiles,
    private readonly page: {
      active(): string | null;
      open(path: string): Promise<void>;
      rename(): void;
      delete(): void;
      undelete(path: string): void;
      notice(text: string): void;
    },
  ) {
    this.tree = new TreeView({
      open: (path) => void page.open(path),
      rename: (path) => void page.open(path).then(() => page.rename()),
      delete: (path) => void page.open(path).then(() => page.delete()),
    });
    this.deleted = new DeletedView({
      page: (after, limit) => client.deletedFiles({ after, limit, minVersion: 0 }),
      seenDeletes: () => store.seenDeletes(),
      undelete: (path) => page.undelete(path),
    });
    this.fileList.setServerList(store.files() ?? []);
  }

  /** The files the tree shows. */
  get liveFiles(): FileSummary[] {
    return this.fileList.files();
  }

  async loadFiles(): Promise<void> {
    try {
      const files = await this.client.listFiles();
      this.fileList.setServerList(files);
      this.store.setFiles(files);
    } catch (error) {
      if (!(error instanceof NetworkError)) this.page.notice(`Could not list files: ${describeError(error)}`);
    }
    this.render();
  }

  loadDeleted(): Promise<void> {
    return this.deleted.reload(new Set(this.liveFiles.map((f) => f.path)));
  }

  /** Both lists again, shortly: changes often come in bursts. */
  scheduleRefresh(): void {
    if (this.refresh) clearTimeout(this.refresh);
    this.refresh = setTimeout(() => {
      this.refresh = null;
      void this.loadFiles().then(() => this.loadDeleted());
    }, 150);
  }

  noteChange(change: { fileId: string; path: string; version: number }, deleted = false): void {
    this.fileList.noteChange(change.fileId, change.path, change.version, deleted);
    this.render();
  }

  deletedVersion(path: string): number | null {
    return this.fileList.deletedVersion(path);
  }

  /** An undeleted file leaves the deleted files. */
  undeleted(path: string): void {
    this.deleted.remove(path);
  }

  rememberDelete(path: string): void {
    this.store.setSeenDeletes([...new Set([...this.store.seenDeletes(), path])]);
  }

  render(): void {
    const paths = new Set(this.liveFiles.map((f) => f.path));
    for (const path of this.files.paths()) paths.add(path);
    this.tree.render(paths, new Map(this.files.all().map((f) => [f.path, f])), this.page.active());
  }
}
