import type { FileVersionResult, ProjectClient } from '../api/client';
import { NetworkError, describeError } from '../api/errors';
import { loadMonaco, type Monaco } from '../editor/loadMonaco';
import type { Connection } from '../sync/connection';
import type { OfflineStore } from '../sync/offlineStore';
import { SaveQueue } from '../sync/saveQueue';
import type { Base, SentSave } from '../sync/saveTypes';
import { applyText } from './editorPane';
import { newOpenFile, type OpenFile } from './openFile';

/** Files over this size are kept in localStorage at most once a second, so that typing in them stays smooth. */
const LARGE_TEXT = 100_000;

/** What the open files tell the page, and ask of it. */
export interface OpenFilesEvents {
  status(file: OpenFile): void;
  saved(result: FileVersionResult): void;
  conflict(file: OpenFile, base: Base, currentVersion: number | null): Promise<Base>;
  notice(text: string): void;
}

/**
 * The files open in tabs: each loaded from the server or from the unsaved edits kept in this browser, with a
 * save queue, and its unsaved text kept in localStorage until it is saved.
 */
export class OpenFiles {
  private readonly files = new Map<string, OpenFile>();

  constructor(
    private readonly client: ProjectClient,
    private readonly store: OfflineStore,
    private readonly connection: Connection,
    private readonly events: OpenFilesEvents,
  ) {}

  get(path: string | null): OpenFile | undefined {
    return path === null ? undefined : this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  all(): OpenFile[] {
    return [...this.files.values()];
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  byFileId(fileId: string): OpenFile | undefined {
    return this.all().find((f) => f.fileId === fileId);
  }

  /** Adds a tab for the path and loads it (the server's newest text, or what this browser kept). */
  async add(path: string, minVersion?: number): Promise<OpenFile> {
    const file = newOpenFile(path);
    this.files.set(path, file);
    await this.load(file, minVersion);
    return file;
  }

  async load(file: OpenFile, minVersion?: number): Promise<void> {
    const pending = this.store.pending(file.path);
    let text: string;
    let base: Base;
    if (pending) {
      text = pending.content;
      base = pending.base;
      file.fileId = pending.fileId;
    } else {
      try {
        const content = await this.client.content(file.path, { minVersion });
        if (content.deleted) {
          file.loadError = `${file.path} was deleted.`;
          return;
        }
        text = content.content;
        base = { version: content.version, content: content.content };
        file.fileId = content.fileId;
      } catch (error) {
        file.loadError =
          error instanceof NetworkError ? 'Offline: this file loads when the connection is back.' : `Could not open ${file.path}: ${describeError(error)}`;
        return;
      }
    }
    // Monaco loads in the background once the tree is shown (Workspace.start): a file opened sooner waits for it.
    let monaco: Monaco;
    try {
      monaco = await loadMonaco();
    } catch {
      // Tried again with the files that could not load, once the connection is back.
      file.loadError = 'The editor could not be loaded; it is tried again when the connection is back.';
      return;
    }
    file.loadError = null;
    file.model = monaco.editor.createModel(text, file.language);
    file.queue = this.createQueue(file, base, pending?.inFlight ?? null);
    file.model.onDidChangeContent(() => {
      if (file.applyingRemote) return;
      file.queue!.edit();
      this.persist(file);
    });
    if (pending) {
      this.events.notice(`Restored unsaved edits of ${file.path} kept in this browser; saving them now.`);
      file.queue.saveNow();
    }
  }

  private createQueue(file: OpenFile, base: Base, resend: SentSave | null): SaveQueue {
    return new SaveQueue({
      base,
      resend,
      read: () => file.model!.getValue(),
      save: async (content, expectedVersion, key) => {
        const result = await this.client.save(file.path, { content, expectedVersion, fileType: file.language }, key);
        file.fileId = result.fileId;
        if (result.changed) this.events.saved(result);
        return result;
      },
      onConflict: (conflictBase, currentVersion) => this.events.conflict(file, conflictBase, currentVersion),
      onStatus: () => this.events.status(file),
      onBase: () => this.persist(file),
      isOnline: () => this.connection.connected,
      waitForOnline: () => this.connection.whenConnected(),
    });
  }

  /** Puts a text in the file's editor as a change by the program, and keeps it if unsaved. */
  setText(file: OpenFile, text: string): void {
    applyText(file, text);
    this.persist(file);
  }

  /** The file moved (here or elsewhere): its tab and its kept edits follow it. */
  rename(from: string, to: string): boolean {
    const file = this.files.get(from);
    if (!file || this.files.has(to)) return false;
    this.files.delete(from);
    file.path = to;
    this.files.set(to, file);
    const pending = this.store.pending(from);
    if (pending) {
      this.store.removePending(from);
      this.store.putPending(to, pending);
    }
    return true;
  }

  remove(path: string): void {
    const file = this.files.get(path);
    file?.queue?.dispose();
    file?.model?.dispose();
    this.store.removePending(path);
    this.files.delete(path);
  }

  /** Saves what is typed and waits for it, before an operation that needs the newest version. */
  async flush(file: OpenFile): Promise<void> {
    if (!file.queue) return;
    file.queue.saveNow();
    await file.queue.whenIdle();
    if (file.queue.status.kind === 'failed') throw new Error(`the latest edits of ${file.path} could not be saved`);
  }

  hasUnsavedWork(): boolean {
    return this.all().some((f) => f.queue && (f.queue.dirty || f.queue.busy));
  }

  /**
   * Keeps unsaved text in localStorage. Small files are written on every change; large ones at most
   * once a second (and always on pagehide/beforeunload), so typing in them stays smooth.
   */
  persist(file: OpenFile): void {
    if (!file.queue || !file.model) return;
    if (file.model.getValueLength() > LARGE_TEXT && file.queue.dirty) {
      if (file.persistTimer === null) {
        file.persistTimer = setTimeout(() => {
          file.persistTimer = null;
          this.persistNow(file);
        }, 1000);
      }
      return;
    }
    this.persistNow(file);
  }

  readonly persistAll = (): void => {
    for (const file of this.files.values()) this.persistNow(file);
  };

  private persistNow(file: OpenFile): void {
    if (!file.queue || !file.model) return;
    if (file.queue.dirty) {
      const stored = this.store.putPending(file.path, {
        content: file.model.getValue(),
        base: file.queue.knownBase,
        fileId: file.fileId,
        updatedAt: Date.now(),
        inFlight: file.queue.inFlight,
      });
      if (!stored) file.notice = `${file.path} is too large to keep in this browser; keep the tab open until it is saved.`;
    } else {
      this.store.removePending(file.path);
    }
  }

  dispose(): void {
    this.persistAll();
    for (const file of this.files.values()) {
      file.queue?.dispose();
      file.model?.dispose();
    }
  }
}
