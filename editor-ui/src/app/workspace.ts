import { ProjectClient, isVersionConflict, type FileChangedEvent, type FileSummary } from '../api/client';
import { ApiError, NetworkError, describeError } from '../api/errors';
import { languageFor } from '../editor/languages';
import { monaco } from '../editor/monaco';
import { retryDelay } from '../sync/backoff';
import { Connection, type ConnectionState } from '../sync/connection';
import { LiveUpdates } from '../sync/liveUpdates';
import { merge3 } from '../sync/merge3';
import { OfflineStore } from '../sync/offlineStore';
import { SaveQueue, type Base, type SentSave } from '../sync/saveQueue';
import { askText, confirmAction } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { connectionLabel, shortStatus, statusLabel } from '../ui/statusText';
import { showConflict } from './conflictView';
import { FileList } from './fileList';
import { HistoryView } from './historyView';
import { shareLink, type ProjectSession } from './sessions';
import { allEvents, deletedPaths, showTimeline } from './timelineView';

/** A file open in a tab: its Monaco model and its save queue. */
interface OpenFile {
  path: string;
  fileId: string | null;
  language: string;
  /** Null while the file could not be loaded (offline, nothing stored). */
  model: monaco.editor.ITextModel | null;
  queue: SaveQueue | null;
  viewState: monaco.editor.ICodeEditorViewState | null;
  /** Set while the text is changed by the program (remote update, merge), not by the user. */
  applyingRemote: boolean;
  notice: string | null;
  loadError: string | null;
  persistTimer: ReturnType<typeof setTimeout> | null;
}

/** The page for one project: tree, tabs, editor, status, conflict view, history and timeline. */
export class Workspace {
  private readonly client: ProjectClient;
  private readonly store: OfflineStore;
  private readonly fileList = new FileList();
  private deleted: string[] = [];
  private readonly open = new Map<string, OpenFile>();
  private active: string | null = null;
  /** Whether the server answers: requests and the live stream report to it, not only navigator.onLine. */
  private readonly connection: Connection;
  private live: LiveUpdates | null = null;
  private history: HistoryView | null = null;
  /** The file whose conflict view is open; the view shows only while that file's tab is active. */
  private conflictPath: string | null = null;
  /** Conflict views open one after another: each waits for the one before it to be resolved. */
  private conflictTurn: Promise<void> = Promise.resolve();
  private treeRefresh: ReturnType<typeof setTimeout> | null = null;

  private readonly treeEl = h('ul', { className: 'tree', role: 'tree', 'aria-label': 'Files', 'data-testid': 'file-tree' });
  private readonly deletedEl = h('ul', { className: 'deleted-list', 'data-testid': 'deleted-files' });
  private readonly tabsEl = h('div', { className: 'tabs', role: 'tablist', 'aria-label': 'Open files' });
  private readonly noticeEl = h('div', { className: 'notice', role: 'status', 'data-testid': 'notice', hidden: true });
  private readonly statusEl = h('span', { className: 'file-status', 'data-testid': 'file-status', role: 'status', 'aria-live': 'polite' });
  private readonly retryButton = h('button', { type: 'button', 'data-testid': 'retry-save', hidden: true }, 'Retry');
  private readonly connectionEl = h('span', { className: 'connection', 'data-testid': 'connection', role: 'status' });
  private readonly editorHost = h('div', { className: 'editor-host', 'data-testid': 'editor' });
  private readonly placeholderEl = h('div', { className: 'placeholder' });
  private readonly conflictHost = h('div', { className: 'overlay-host', hidden: true });
  private readonly panelHost = h('div', { className: 'overlay-host', hidden: true });
  private readonly editor: monaco.editor.IStandaloneCodeEditor;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: ProjectSession,
    private readonly leave: () => void,
  ) {
    this.connection = new Connection({
      browserOnline: () => navigator.onLine,
      probe: () => this.client.listFiles(),
      onChange: this.onConnection,
    });
    this.client = new ProjectClient(session.projectId, session.token, '', this.connection);
    this.store = new OfflineStore(session.projectId);
    this.root.replaceChildren(this.layout());
    this.editor = monaco.editor.create(this.editorHost, {
      model: null,
      automaticLayout: true,
      autoClosingBrackets: 'never',
      autoClosingQuotes: 'never',
      autoSurround: 'never',
      minimap: { enabled: false },
      ariaLabel: 'File editor',
    });
    this.retryButton.addEventListener('click', () => this.activeFile()?.queue?.retry());
    window.addEventListener('online', this.onConnectivity);
    window.addEventListener('offline', this.onConnectivity);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    window.addEventListener('pagehide', this.persistAll);
    window.addEventListener('keydown', this.onKey, true);
    (window as unknown as { velocity: unknown }).velocity = {
      text: (path: string) => this.open.get(path)?.model?.getValue() ?? null,
      activePath: () => this.active,
      cursor: () => this.editor.getPosition(),
      language: (path: string) => this.open.get(path)?.model?.getLanguageId() ?? null,
    };
  }

  async start(): Promise<void> {
    this.fileList.setServerList(this.store.files() ?? []);
    this.renderConnection();
    this.renderTree();
    await this.loadFiles();
    const tabs = this.store.openTabs();
    const paths = [...new Set([...tabs.paths, ...this.store.pendingPaths()])];
    for (const path of paths) await this.openFile(path, { activate: false });
    const first = tabs.active && this.open.has(tabs.active) ? tabs.active : paths[0] ?? null;
    if (first) this.activate(first);
    this.renderTabs();
    this.live = new LiveUpdates(this.client.updatesUrl(), {
      onChange: (event) => void this.onRemoteChange(event),
      onReconnect: () => void this.catchUp(),
      onState: (open) => this.connection.liveChanged(open),
    });
    void this.loadDeleted();
  }

  // ---- layout ------------------------------------------------------------------------------

  private layout(): HTMLElement {
    const header = h(
      'header',
      { className: 'topbar' },
      h('h1', {}, 'Velocity'),
      h('span', { className: 'project-name', 'data-testid': 'project-name' }, `${this.session.name} · ${this.session.user}`),
      h('button', { type: 'button', onclick: () => void this.share(), title: 'Link and token for others' }, 'Share'),
      h('button', { type: 'button', 'data-testid': 'open-timeline', onclick: () => void this.openTimeline(), title: 'Alt+T' }, 'Timeline'),
      h('button', { type: 'button', onclick: () => this.close() }, 'Projects'),
      this.connectionEl,
    );
    const sidebar = h(
      'nav',
      { className: 'sidebar', 'aria-label': 'Project files' },
      h(
        'div',
        { className: 'sidebar-actions' },
        h('button', { type: 'button', 'data-testid': 'new-file', onclick: () => void this.createFile(), title: 'Alt+N' }, 'New file'),
        h('button', { type: 'button', 'data-testid': 'rename-file', onclick: () => void this.renameActive(), title: 'F2 in the tree' }, 'Rename'),
        h('button', { type: 'button', 'data-testid': 'delete-file', onclick: () => void this.deleteActive(), title: 'Delete in the tree' }, 'Delete'),
      ),
      this.treeEl,
      h('h2', { className: 'deleted-heading' }, 'Deleted files'),
      this.deletedEl,
    );
    const statusBar = h(
      'div',
      { className: 'statusbar' },
      this.statusEl,
      this.retryButton,
      h('button', { type: 'button', 'data-testid': 'open-history', onclick: () => void this.openHistory(), title: 'Alt+H' }, 'History'),
    );
    const main = h(
      'main',
      { className: 'main' },
      this.tabsEl,
      statusBar,
      this.noticeEl,
      h('div', { className: 'editor-area' }, this.editorHost, this.placeholderEl, this.conflictHost, this.panelHost),
    );
    return h('div', { className: 'workspace' }, header, h('div', { className: 'body' }, sidebar, main));
  }

  private close(): void {
    if (this.hasUnsavedWork() && !window.confirm('Some edits are not saved yet. They stay in this browser. Leave?')) return;
    this.live?.close();
    this.connection.dispose();
    window.removeEventListener('online', this.onConnectivity);
    window.removeEventListener('offline', this.onConnectivity);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    window.removeEventListener('pagehide', this.persistAll);
    window.removeEventListener('keydown', this.onKey, true);
    this.persistAll();
    for (const file of this.open.values()) {
      file.queue?.dispose();
      file.model?.dispose();
    }
    this.editor.dispose();
    this.leave();
  }

  // ---- files and tree ----------------------------------------------------------------------

  private async loadFiles(): Promise<void> {
    try {
      const files = await this.client.listFiles();
      this.fileList.setServerList(files);
      this.store.setFiles(files);
    } catch (error) {
      if (!(error instanceof NetworkError)) this.showNotice(`Could not list files: ${describeError(error)}`);
    }
    this.renderTree();
  }

  /**
   * Deleted files, to offer undelete: from the audit event stream, or where the server does not
   * offer it, from the deletes this browser has seen (its own and live updates).
   */
  private async loadDeleted(): Promise<void> {
    const live = new Set(this.files.map((f) => f.path));
    try {
      this.deleted = deletedPaths(await allEvents(this.client)).filter((p) => !live.has(p));
    } catch {
      this.deleted = this.store.seenDeletes().filter((p) => !live.has(p));
    }
    this.renderDeleted();
  }

  /** The files the tree shows: the server's list, with the changes this page knows of on top. */
  private get files(): FileSummary[] {
    return this.fileList.files();
  }

  private noteChange(change: { fileId: string; path: string; version: number }, deleted = false): void {
    this.fileList.noteChange(change.fileId, change.path, change.version, deleted);
    this.renderTree();
  }

  private rememberDelete(path: string): void {
    this.store.setSeenDeletes([...new Set([...this.store.seenDeletes(), path])]);
  }

  private scheduleTreeRefresh(): void {
    if (this.treeRefresh) clearTimeout(this.treeRefresh);
    this.treeRefresh = setTimeout(() => {
      this.treeRefresh = null;
      void this.loadFiles().then(() => this.loadDeleted());
    }, 150);
  }

  private renderTree(): void {
    clear(this.treeEl);
    const paths = new Set(this.files.map((f) => f.path));
    for (const file of this.open.values()) paths.add(file.path);
    const folders = new Set<string>();
    for (const path of [...paths].sort()) {
      const parts = path.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        if (folders.has(folder)) continue;
        folders.add(folder);
        this.treeEl.append(
          h('li', { role: 'treeitem', className: 'folder', style: `--depth:${depth - 1}`, 'aria-expanded': 'true' }, `▾ ${parts[depth - 1]}/`),
        );
      }
      const open = this.open.get(path);
      const status = open?.queue?.status;
      const dirty = open?.queue ? open.queue.dirty || status?.kind !== 'saved' : false;
      const button = h(
        'button',
        {
          type: 'button',
          className: 'tree-file',
          'data-path': path,
          'aria-current': path === this.active ? 'true' : null,
          onclick: () => void this.openFile(path),
        },
        h('span', { className: 'name' }, parts[parts.length - 1]),
        dirty ? h('span', { className: 'dirty', 'aria-label': 'unsaved', title: 'unsaved' }, ' ●') : null,
        status ? h('span', { className: 'short-status' }, ` ${shortStatus(status)}`) : null,
      );
      button.addEventListener('keydown', (event) => {
        if (event.key === 'F2') {
          event.preventDefault();
          void this.openFile(path).then(() => this.renameActive());
        } else if (event.key === 'Delete') {
          event.preventDefault();
          void this.openFile(path).then(() => this.deleteActive());
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const buttons = [...this.treeEl.querySelectorAll<HTMLButtonElement>('button.tree-file')];
          const next = buttons[buttons.indexOf(button) + (event.key === 'ArrowDown' ? 1 : -1)];
          next?.focus();
        }
      });
      this.treeEl.append(h('li', { role: 'treeitem', style: `--depth:${parts.length - 1}` }, button));
    }
    if (paths.size === 0) this.treeEl.append(h('li', { className: 'empty' }, 'No files yet.'));
  }

  private renderDeleted(): void {
    clear(this.deletedEl);
    for (const path of this.deleted) {
      this.deletedEl.append(
        h(
          'li',
          {},
          h('span', { className: 'deleted-path' }, path),
          h('button', { type: 'button', 'data-testid': `undelete-${path}`, onclick: () => void this.undelete(path) }, 'Undelete'),
        ),
      );
    }
    if (this.deleted.length === 0) this.deletedEl.append(h('li', { className: 'empty' }, 'None.'));
  }

  private async createFile(): Promise<void> {
    const folder = this.active && this.active.includes('/') ? this.active.slice(0, this.active.lastIndexOf('/') + 1) : '';
    const path = await askText({
      title: 'New file',
      label: 'Path',
      value: folder,
      confirm: 'Create',
      validate: async (value) => {
        try {
          const created = await this.client.save(value, { content: '', expectedVersion: 0, fileType: languageFor(value) }, crypto.randomUUID());
          this.noteChange(created);
          return null;
        } catch (error) {
          if (isVersionConflict(error)) return `${value} already exists.`;
          return describeError(error);
        }
      },
    });
    if (!path) return;
    await this.loadFiles();
    await this.openFile(path, { minVersion: 1 });
  }

  private async renameActive(): Promise<void> {
    const file = this.activeFile();
    if (!file?.queue) return;
    const from = file.path;
    const to = await askText({
      title: `Rename ${from}`,
      label: 'New path',
      value: from,
      confirm: 'Rename',
      validate: async (value) => {
        if (value === from) return 'That is the current path.';
        try {
          await this.flush(file);
          const result = await this.client.move(from, value, file.queue!.knownBase.version);
          file.queue!.rebase({ version: result.version, content: file.queue!.knownBase.content });
          this.noteChange(result);
          return null;
        } catch (error) {
          if (error instanceof ApiError && error.problemKind === 'path-taken') return `${value} already holds a file.`;
          return describeError(error);
        }
      },
    });
    if (!to) return;
    this.renamePath(from, to);
    await this.loadFiles();
  }

  private renamePath(from: string, to: string): void {
    const file = this.open.get(from);
    if (!file || this.open.has(to)) return;
    this.open.delete(from);
    file.path = to;
    this.open.set(to, file);
    const pending = this.store.pending(from);
    if (pending) {
      this.store.removePending(from);
      this.store.putPending(to, pending);
    }
    if (this.active === from) this.active = to;
    if (this.conflictPath === from) this.conflictPath = to;
    this.persistTabs();
    this.renderTabs();
    this.renderTree();
    this.renderStatus();
  }

  private async deleteActive(): Promise<void> {
    const file = this.activeFile();
    if (!file?.queue) return;
    if (!(await confirmAction(`Delete ${file.path}?`, 'Its history stays; you can undelete it later.', 'Delete'))) return;
    try {
      await this.flush(file);
      const result = await this.client.delete(file.path, file.queue.knownBase.version);
      this.noteChange(result, true);
      this.rememberDelete(file.path);
      this.closeTab(file.path, { force: true });
      this.scheduleTreeRefresh();
    } catch (error) {
      this.showNotice(`Could not delete ${file.path}: ${describeError(error)}`);
    }
  }

  private async undelete(path: string): Promise<void> {
    try {
      const history = await this.client.history(path, { limit: 2, minVersion: this.fileList.deletedVersion(path) ?? undefined });
      const [deletion, lastLive] = history.entries;
      if (!deletion || deletion.kind !== 'DELETED' || !lastLive) throw new Error(`${path} is not deleted`);
      this.noteChange(await this.client.restore(path, lastLive.version, deletion.version));
      this.deleted = this.deleted.filter((p) => p !== path);
      this.renderDeleted();
      await this.loadFiles();
      await this.openFile(path, { minVersion: deletion.version + 1 });
    } catch (error) {
      this.showNotice(`Could not undelete ${path}: ${describeError(error)}`);
    }
  }

  // ---- tabs and editor ---------------------------------------------------------------------

  /** Opens (or shows) a file: from the server, or from the edits kept in this browser. */
  private async openFile(path: string, options: { activate?: boolean; minVersion?: number } = {}): Promise<void> {
    if (!this.open.has(path)) {
      const file: OpenFile = {
        path,
        fileId: null,
        language: languageFor(path),
        model: null,
        queue: null,
        viewState: null,
        applyingRemote: false,
        notice: null,
        loadError: null,
        persistTimer: null,
      };
      this.open.set(path, file);
      await this.load(file, options.minVersion);
    }
    if (options.activate !== false) this.activate(path);
    this.persistTabs();
  }

  private async load(file: OpenFile, minVersion?: number): Promise<void> {
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
          error instanceof NetworkError
            ? 'Offline: this file loads when the connection is back.'
            : `Could not open ${file.path}: ${describeError(error)}`;
        return;
      }
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
      this.showNotice(`Restored unsaved edits of ${file.path} kept in this browser; saving them now.`);
      file.queue.saveNow();
    }
  }

  private createQueue(file: OpenFile, base: Base, resend: SentSave | null): SaveQueue {
    return new SaveQueue({
      base,
      resend,
      read: () => file.model!.getValue(),
      save: async (content, expectedVersion, key) => {
        const result = await this.client.save(
          file.path,
          { content, expectedVersion, fileType: file.language },
          key,
        );
        file.fileId = result.fileId;
        if (result.changed) this.noteChange(result);
        return result;
      },
      onConflict: (conflictBase, currentVersion) => this.resolveConflict(file, conflictBase, currentVersion),
      onStatus: () => this.onStatus(file),
      onBase: () => this.persist(file),
      isOnline: () => this.connection.connected,
      waitForOnline: () => this.connection.whenConnected(),
    });
  }

  private activate(path: string): void {
    const current = this.activeFile();
    if (current?.model && this.editor.getModel() === current.model) current.viewState = this.editor.saveViewState();
    this.active = path;
    const file = this.open.get(path);
    this.closeHistory();
    this.conflictHost.hidden = this.conflictPath === null || this.conflictPath !== path;
    if (file?.model) {
      this.editor.setModel(file.model);
      if (file.viewState) this.editor.restoreViewState(file.viewState);
      this.editorHost.hidden = false;
      this.placeholderEl.hidden = true;
      this.editor.focus();
    } else {
      this.editor.setModel(null);
      this.editorHost.hidden = true;
      this.placeholderEl.hidden = false;
      this.placeholderEl.textContent = file?.loadError ?? 'Open a file from the tree, or create one.';
    }
    this.persistTabs();
    this.renderTabs();
    this.renderTree();
    this.renderStatus();
  }

  private closeTab(path: string, options: { force?: boolean } = {}): void {
    const file = this.open.get(path);
    if (!file) return;
    if (!options.force && file.queue && (file.queue.dirty || file.queue.busy)) {
      this.showNotice(`${path} has unsaved edits; it closes once they are saved.`);
      void file.queue.whenIdle().then(() => {
        if (!file.queue?.dirty) this.closeTab(path);
      });
      file.queue.saveNow();
      return;
    }
    file.queue?.dispose();
    file.model?.dispose();
    this.store.removePending(path);
    this.open.delete(path);
    if (this.active === path) {
      this.active = null;
      const next = [...this.open.keys()][0];
      if (next) this.activate(next);
      else {
        this.editor.setModel(null);
        this.editorHost.hidden = true;
        this.placeholderEl.hidden = false;
        this.placeholderEl.textContent = 'Open a file from the tree, or create one.';
      }
    }
    this.persistTabs();
    this.renderTabs();
    this.renderTree();
    this.renderStatus();
  }

  private renderTabs(): void {
    clear(this.tabsEl);
    for (const file of this.open.values()) {
      const status = file.queue?.status;
      const dirty = file.queue ? file.queue.dirty || (status !== undefined && status.kind !== 'saved') : false;
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      const selected = file.path === this.active;
      const tab = h(
        'div',
        { className: 'tab', 'data-path': file.path, 'aria-current': selected ? 'true' : null },
        h(
          'button',
          {
            type: 'button',
            role: 'tab',
            'aria-selected': selected ? 'true' : 'false',
            className: 'tab-button',
            title: file.path,
            onclick: () => this.activate(file.path),
          },
          dirty ? h('span', { className: 'dirty', 'aria-label': 'unsaved', title: 'unsaved' }, '● ') : null,
          name,
          status ? h('span', { className: 'short-status' }, ` ${shortStatus(status)}`) : null,
        ),
        h(
          'button',
          { type: 'button', className: 'tab-close', 'aria-label': `Close ${file.path}`, onclick: () => this.closeTab(file.path) },
          '×',
        ),
      );
      this.tabsEl.append(tab);
    }
  }

  private renderStatus(): void {
    const file = this.activeFile();
    const status = file?.queue?.status;
    this.statusEl.textContent = file ? `${file.path}: ${status ? statusLabel(status) : file.loadError ?? 'loading…'}` : 'No file open';
    this.statusEl.dataset.kind = status?.kind ?? 'none';
    this.statusEl.dataset.version = status?.kind === 'saved' ? String(status.version) : '';
    this.retryButton.hidden = status?.kind !== 'failed';
    if (file?.notice) this.showNotice(file.notice);
  }

  private onStatus(file: OpenFile): void {
    if (file.path === this.active) this.renderStatus();
    this.renderTabs();
    this.renderTree();
    this.persist(file);
  }

  private activeFile(): OpenFile | null {
    return this.active ? this.open.get(this.active) ?? null : null;
  }

  private saveActive(): void {
    this.activeFile()?.queue?.saveNow();
  }

  /** Saves what is typed and waits for it, before an operation that needs the newest version. */
  private async flush(file: OpenFile): Promise<void> {
    if (!file.queue) return;
    file.queue.saveNow();
    await file.queue.whenIdle();
    if (file.queue.status.kind === 'failed') throw new Error(`the latest edits of ${file.path} could not be saved`);
  }

  /**
   * Replaces the editor text with the smallest single edit (common prefix and suffix kept), so that a
   * cursor outside the changed region stays where it was.
   */
  private applyText(file: OpenFile, text: string): void {
    const model = file.model;
    if (!model) return;
    const current = model.getValue();
    if (current === text) return;
    let start = 0;
    while (start < current.length && start < text.length && current[start] === text[start]) start++;
    let end = 0;
    while (end < current.length - start && end < text.length - start && current[current.length - 1 - end] === text[text.length - 1 - end]) end++;
    const from = model.getPositionAt(start);
    const to = model.getPositionAt(current.length - end);
    file.applyingRemote = true;
    try {
      model.pushEditOperations(
        [],
        [{ range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: text.slice(start, text.length - end) }],
        () => null,
      );
    } finally {
      file.applyingRemote = false;
    }
    this.persist(file);
  }

  // ---- persistence and connectivity ----------------------------------------------------------

  /**
   * Keeps unsaved text in localStorage. Small files are written on every change; large ones at most
   * once a second (and always on pagehide/beforeunload), so typing in them stays smooth.
   */
  private persist(file: OpenFile): void {
    if (!file.queue || !file.model) return;
    if (file.model.getValueLength() > 100_000 && file.queue.dirty) {
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

  private readonly persistAll = (): void => {
    for (const file of this.open.values()) this.persistNow(file);
  };

  private persistTabs(): void {
    this.store.setOpenTabs([...this.open.keys()], this.active);
  }

  private hasUnsavedWork(): boolean {
    return [...this.open.values()].some((f) => f.queue && (f.queue.dirty || f.queue.busy));
  }

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    this.persistAll();
    if (this.hasUnsavedWork()) {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  private readonly onConnectivity = (): void => this.connection.browserChanged();

  private readonly onConnection = (state: ConnectionState, regained: boolean): void => {
    this.renderConnection();
    if (regained) {
      this.live?.reconnectNow();
      void this.catchUp();
    } else if (state === 'offline' || state === 'unreachable') this.persistAll();
  };

  private renderConnection(): void {
    const state = this.connection.state;
    this.connectionEl.textContent = connectionLabel(state);
    this.connectionEl.dataset.state = state;
  }

  /** After a reconnect: load what was missed (tree, files that could not load, newer versions). */
  private async catchUp(): Promise<void> {
    await this.loadFiles();
    for (const file of this.open.values()) {
      if (!file.model) {
        await this.load(file);
        if (file.path === this.active) this.activate(file.path);
        continue;
      }
      const summary = this.files.find((f) => f.path === file.path);
      if (summary && file.queue && summary.version > file.queue.knownBase.version) {
        await this.onRemoteChange({
          path: summary.path,
          fileId: summary.fileId,
          version: summary.version,
          kind: 'SAVED',
          contentHash: summary.contentHash,
          by: summary.updatedBy,
          at: summary.updatedAt,
        });
      }
    }
    void this.loadDeleted();
  }

  // ---- live updates and merging --------------------------------------------------------------

  private async onRemoteChange(event: FileChangedEvent): Promise<void> {
    if (event.kind === 'DELETED') this.rememberDelete(event.path);
    this.noteChange(event, event.kind === 'DELETED');
    this.scheduleTreeRefresh();
    if (this.history && this.active === event.path) void this.history.load(event.version);
    let file = this.open.get(event.path) ?? [...this.open.values()].find((f) => f.fileId && f.fileId === event.fileId);
    if (!file?.queue) return;
    if (event.kind === 'MOVED' && file.path !== event.path) {
      this.renamePath(file.path, event.path);
      file = this.open.get(event.path)!;
    }
    const queue = file.queue!;
    if (event.version <= queue.knownBase.version) return;
    if (queue.busy) {
      // Our own save's event can arrive before its answer. Anyone else's means our save will meet
      // a newer version, and the 409 it gets starts the merge.
      const sending = queue.inFlightContent;
      const ours = sending === null ? null : await sha256Hex(sending);
      if (ours === null) await queue.settled();
      else if (ours === event.contentHash) return;
      else {
        this.setNotice(file, `${event.by} saved v${event.version} of ${file.path} while you were editing. Your edits are being merged with it.`);
        return;
      }
      if (event.version <= queue.knownBase.version) return;
    }
    if (event.kind === 'DELETED') {
      this.setNotice(
        file,
        `${event.by} deleted ${file.path}. Your text stays in this tab; undelete the file (Deleted files) to go on saving it.`,
      );
      return;
    }
    let content;
    try {
      content = await this.client.content(file.path, { minVersion: event.version });
    } catch {
      return; // The next save merges with whatever is newest.
    }
    if (content.version <= queue.knownBase.version) return;
    const theirs = { version: content.version, content: content.content };
    const adopted = queue.adoptServerVersion(theirs, () => this.applyText(file!, content.content));
    if (adopted) {
      this.setNotice(file, null);
    } else {
      this.setNotice(
        file,
        `${content.savedBy} saved v${content.version} of ${file.path} while you were editing. ` +
          'Your edits will be merged with it when they are saved.',
      );
    }
  }

  /** A save got 409: merge with the server's version, or let the user choose. */
  private async resolveConflict(file: OpenFile, base: Base, currentVersion: number | null): Promise<Base> {
    // minVersion: the read model may not have caught up with the version that beat our save.
    const theirs = await this.fetchWithRetry(() =>
      this.client.content(file.path, { minVersion: currentVersion ?? base.version + 1 }),
    );
    if (theirs.deleted) throw new Error(`${file.path} was deleted by ${theirs.savedBy}; your text is still here`);
    const theirsBase = { version: theirs.version, content: theirs.content };
    const mine = file.model!.getValue();
    const merge = merge3(base.content, mine, theirs.content);
    if (merge.clean) {
      this.applyText(file, merge.text);
      this.setNotice(file, `Merged your edits with v${theirs.version} by ${theirs.savedBy}.`);
      return theirsBase;
    }
    file.queue!.setConflictOpen(true);
    const previous = this.conflictTurn;
    let done: () => void = () => {};
    this.conflictTurn = new Promise<void>((resolve) => (done = resolve));
    await previous;
    this.setNotice(file, null);
    this.conflictPath = file.path;
    if (this.active !== file.path) this.activate(file.path);
    this.closeHistory();
    const chosen = await showConflict(this.conflictHost, {
      path: file.path,
      language: file.language,
      mine,
      theirs: theirs.content,
      theirsLabel: `${theirs.savedBy} (v${theirs.version})`,
      merged: merge.text,
      conflicts: merge.conflicts,
    });
    this.conflictPath = null;
    done();
    // Text typed in the editor while the conflict view was open is not dropped: it merges in.
    const typedMeanwhile = file.model!.getValue();
    const result = typedMeanwhile === mine ? chosen : merge3(mine, typedMeanwhile, chosen).text;
    this.applyText(file, result);
    this.setNotice(file, null);
    if (this.active === file.path) this.editor.focus();
    return theirsBase;
  }

  private async fetchWithRetry<T>(fetcher: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetcher();
      } catch (error) {
        const delay = retryDelay(error, attempt);
        if (delay === null) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private setNotice(file: OpenFile, notice: string | null): void {
    file.notice = notice;
    if (file.path === this.active) this.showNotice(notice);
  }

  private showNotice(text: string | null): void {
    this.noticeEl.hidden = !text;
    this.noticeEl.replaceChildren();
    if (!text) return;
    this.noticeEl.append(
      h('span', {}, text),
      h(
        'button',
        {
          type: 'button',
          className: 'notice-dismiss',
          'aria-label': 'Dismiss notice',
          onclick: () => {
            const file = this.activeFile();
            if (file) file.notice = null;
            this.noticeEl.hidden = true;
          },
        },
        '×',
      ),
    );
  }

  // ---- history, timeline, sharing ------------------------------------------------------------

  private async openHistory(): Promise<void> {
    const file = this.activeFile();
    if (!file) return;
    this.closeHistory();
    this.history = new HistoryView(this.panelHost, this.client, file.path, file.language, {
      restore: (version) => this.restore(file, version),
      close: () => this.closeHistory(),
    });
    // minVersion: the history's read model may not have caught up with our last save yet.
    await this.history.load(file.queue?.knownBase.version);
  }

  private closeHistory(): void {
    this.history?.dispose();
    this.history = null;
    this.panelHost.hidden = true;
    this.panelHost.replaceChildren();
  }

  private async restore(file: OpenFile, version: number): Promise<void> {
    if (!file.queue) throw new Error('the file is not loaded');
    await this.flush(file);
    const result = await this.client.restore(file.path, version, file.queue.knownBase.version);
    const content = await this.client.content(file.path, { minVersion: result.version });
    this.applyText(file, content.content);
    file.queue.rebase({ version: content.version, content: content.content });
    await this.history?.load(result.version);
  }

  private async openTimeline(): Promise<void> {
    this.closeHistory();
    await showTimeline(this.panelHost, this.client, () => this.closeHistory());
  }

  private async share(): Promise<void> {
    const link = shareLink(this.session.projectId);
    const memberOut = h('p', { 'data-testid': 'member-token' });
    const memberName = h('input', { type: 'text', 'aria-label': 'New member name', placeholder: 'name' });
    const dialog = h(
      'dialog',
      { className: 'dialog', 'aria-label': 'Share project' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', {}, 'Share this project'),
        h('label', {}, 'Link', h('input', { type: 'text', readonly: true, value: link, 'data-testid': 'share-link' })),
        h('label', {}, `Your token (acts as ${this.session.user})`, h('input', { type: 'text', readonly: true, value: this.session.token, 'data-testid': 'share-token' })),
        h('p', {}, 'Or give someone their own token, so their changes carry their name:'),
        h(
          'div',
          { className: 'row' },
          memberName,
          h(
            'button',
            {
              type: 'button',
              onclick: async () => {
                if (!memberName.value.trim()) return;
                try {
                  const member = await this.client.addMember(memberName.value.trim());
                  memberOut.textContent = `Token for ${member.user}: ${member.token}`;
                } catch (error) {
                  memberOut.textContent = describeError(error);
                }
              },
            },
            'Add member',
          ),
        ),
        memberOut,
        h('div', { className: 'dialog-buttons' }, h('button', { value: 'close', className: 'primary' }, 'Done')),
      ),
    );
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      this.saveActive();
    } else if (event.altKey && !mod && event.code === 'KeyN') {
      event.preventDefault();
      void this.createFile();
    } else if (event.altKey && !mod && event.code === 'KeyH') {
      event.preventDefault();
      void this.openHistory();
    } else if (event.altKey && !mod && event.code === 'KeyT') {
      event.preventDefault();
      void this.openTimeline();
    } else if (event.key === 'Escape' && !this.panelHost.hidden && !document.querySelector('dialog[open]')) {
      this.closeHistory();
      this.editor.focus();
    }
  };
}

/** Lowercase hex SHA-256 of the text's UTF-8 bytes, as the contract's contentHash; null without WebCrypto. */
async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
