import type { FileVersionResult, ProjectClient } from '../api/client';
import { NetworkError, describeError } from '../api/errors';
import { languageFor } from '../editor/languages';
import { loadMonaco, type Monaco } from '../editor/loadMonaco';
import type { monaco } from '../editor/monaco';
import { replaceText } from '../editor/replaceText';
import type { Connection } from '../sync/connection';
import type { OfflineStore } from '../sync/offlineStore';
import { SaveQueue } from '../sync/saveQueue';
import type { Base, SaveStatus, SentSave } from '../sync/saveTypes';

/** Files over this size are kept in localStorage at most once a second, so that typing in them stays smooth. */
const LARGE_TEXT = 100_000;

/** What an open file tells the page, and asks of it. */
export interface OpenFileEvents {
  status(file: OpenFile): void;
  saved(result: FileVersionResult): void;
  conflict(file: OpenFile, base: Base, currentVersion: number | null): Promise<Base>;
  notice(text: string): void;
}

export interface OpenFileDeps {
  readonly client: Pick<ProjectClient, 'content' | 'save'>;
  readonly store: OfflineStore;
  readonly connection: Pick<Connection, 'connected' | 'whenConnected'>;
  readonly events: OpenFileEvents;
}

/**
 * A file open in a tab, and the only owner of its state: its path, its Monaco model, its save queue, its notice and
 * its unsaved text kept in this browser. The page asks it, and tells it what happened; nothing else changes it.
 */
export class OpenFile {
  readonly language: string;
  private currentPath: string;
  private id: string | null = null;
  private textModel: monaco.editor.ITextModel | null = null;
  private saveQueue: SaveQueue | null = null;
  /** Set while the program changes the text (someone else's change, a merge), so that it is not saved as an edit. */
  private applyingText = false;
  private currentNotice: string | null = null;
  private failedToLoad: string | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    path: string,
    private readonly deps: OpenFileDeps,
  ) {
    this.currentPath = path;
    this.language = languageFor(path);
  }

  get path(): string {
    return this.currentPath;
  }

  get fileId(): string | null {
    return this.id;
  }

  /** Null while the file could not be loaded (offline, nothing stored). */
  get model(): monaco.editor.ITextModel | null {
    return this.textModel;
  }

  get queue(): SaveQueue | null {
    return this.saveQueue;
  }

  get status(): SaveStatus | null {
    return this.saveQueue?.status ?? null;
  }

  /** The server version the text derives from; null while not loaded. */
  get knownBase(): Base | null {
    return this.saveQueue?.knownBase ?? null;
  }

  get notice(): string | null {
    return this.currentNotice;
  }

  get loadError(): string | null {
    return this.failedToLoad;
  }

  /** Whether the tab or tree shows the file as unsaved. */
  get showsUnsaved(): boolean {
    const queue = this.saveQueue;
    return queue ? queue.dirty || queue.status.kind !== 'saved' : false;
  }

  /** Edits not yet saved, or a save under way. */
  get hasUnsavedWork(): boolean {
    return this.saveQueue !== null && (this.saveQueue.dirty || this.saveQueue.busy);
  }

  /** The text the user sees. */
  text(): string {
    return this.textModel?.getValue() ?? '';
  }

  /** Loads the server's newest text, or the unsaved edits this browser kept (and saves them). */
  async load(minVersion?: number): Promise<void> {
    const pending = this.deps.store.pending(this.currentPath);
    let text: string;
    let base: Base;
    if (pending) {
      text = pending.content;
      base = pending.base;
      this.id = pending.fileId;
    } else {
      try {
        const content = await this.deps.client.content(this.currentPath, { minVersion });
        if (content.deleted) {
          this.failedToLoad = `${this.currentPath} was deleted.`;
          return;
        }
        text = content.content;
        base = { version: content.version, content: content.content };
        this.id = content.fileId;
      } catch (error) {
        this.failedToLoad =
          error instanceof NetworkError
            ? 'Offline: this file loads when the connection is back.'
            : `Could not open ${this.currentPath}: ${describeError(error)}`;
        return;
      }
    }
    // Monaco loads in the background once the tree is shown (Workspace.start): a file opened sooner waits for it.
    let monaco: Monaco;
    try {
      monaco = await loadMonaco();
    } catch {
      // Tried again with the files that could not load, once the connection is back.
      this.failedToLoad = 'The editor could not be loaded; it is tried again when the connection is back.';
      return;
    }
    // The tab may have closed while Monaco loaded: a model made now would never be disposed.
    if (this.disposed) return;
    this.failedToLoad = null;
    const model = monaco.editor.createModel(text, this.language);
    this.textModel = model;
    const queue = this.createQueue(model, base, pending?.inFlight ?? null);
    this.saveQueue = queue;
    model.onDidChangeContent(() => {
      if (this.applyingText) return;
      queue.edit();
      this.persist();
    });
    if (pending) {
      this.deps.events.notice(`Restored unsaved edits of ${this.currentPath} kept in this browser; saving them now.`);
      queue.saveNow();
    }
  }

  private createQueue(model: monaco.editor.ITextModel, base: Base, resend: SentSave | null): SaveQueue {
    const { client, connection, events } = this.deps;
    return new SaveQueue({
      base,
      resend,
      read: () => model.getValue(),
      save: async (content, expectedVersion, key) => {
        const result = await client.save(this.currentPath, { content, expectedVersion, fileType: this.language }, key);
        this.id = result.fileId;
        if (result.changed) events.saved(result);
        return result;
      },
      onConflict: (conflictBase, currentVersion) => events.conflict(this, conflictBase, currentVersion),
      onStatus: () => {
        events.status(this);
        this.persist();
      },
      onBase: () => this.persist(),
      isOnline: () => connection.connected,
      waitForOnline: () => connection.whenConnected(),
    });
  }

  /** Puts a text in the editor as a change by the program (one undo step, not an edit to save), and keeps it if unsaved. */
  setText(text: string): void {
    if (!this.textModel) return;
    this.applyingText = true;
    try {
      replaceText(this.textModel, text);
    } finally {
      this.applyingText = false;
    }
    this.persist();
  }

  /** An operation outside the save queue (restore, move) made a version. */
  rebase(base: Base): void {
    this.saveQueue?.rebase(base);
  }

  setNotice(notice: string | null): void {
    this.currentNotice = notice;
  }

  /** Ctrl/Cmd+S, or Retry. */
  save(): void {
    this.saveQueue?.saveNow();
  }

  /** Saves what is typed and waits for it, before an operation that needs the newest version. */
  async flush(): Promise<void> {
    if (!this.saveQueue) return;
    this.saveQueue.saveNow();
    await this.saveQueue.whenIdle();
    if (this.saveQueue.status.kind === 'failed') throw new Error(`the latest edits of ${this.currentPath} could not be saved`);
  }

  /** Resolves once what is typed is saved (or the queue gave up). */
  whenIdle(): Promise<void> {
    return this.saveQueue?.whenIdle() ?? Promise.resolve();
  }

  /** The file moved (here or elsewhere): its kept edits follow it. */
  moveTo(path: string): void {
    const { store } = this.deps;
    const pending = store.pending(this.currentPath);
    if (pending) {
      store.removePending(this.currentPath);
      store.putPending(path, pending);
    }
    this.currentPath = path;
  }

  /**
   * Keeps unsaved text in localStorage. Small files are written on every change; large ones at most
   * once a second (and always on pagehide/beforeunload), so typing in them stays smooth.
   */
  persist(): void {
    if (!this.saveQueue || !this.textModel) return;
    if (this.textModel.getValueLength() > LARGE_TEXT && this.saveQueue.dirty) {
      this.persistTimer ??= setTimeout(() => {
        this.persistTimer = null;
        this.persistNow();
      }, 1000);
      return;
    }
    this.persistNow();
  }

  persistNow(): void {
    const { store } = this.deps;
    if (!this.saveQueue || !this.textModel) return;
    if (this.saveQueue.dirty) {
      const stored = store.putPending(this.currentPath, {
        content: this.textModel.getValue(),
        base: this.saveQueue.knownBase,
        fileId: this.id,
        updatedAt: Date.now(),
        inFlight: this.saveQueue.inFlight,
      });
      if (!stored) this.currentNotice = `${this.currentPath} is too large to keep in this browser; keep the tab open until it is saved.`;
    } else {
      store.removePending(this.currentPath);
    }
  }

  /** The tab closes: what is unsaved is forgotten, unless `keepEdits` (the page goes away). */
  dispose(keepEdits: boolean): void {
    this.disposed = true;
    if (keepEdits) this.persistNow();
    else this.deps.store.removePending(this.currentPath);
    if (this.persistTimer !== null) clearTimeout(this.persistTimer);
    this.saveQueue?.dispose();
    this.textModel?.dispose();
  }
}
