import { ProjectClient, type FileChangedEvent } from '../api/client';
import { Connection, type ConnectionState } from '../sync/connection';
import { resolveConflict } from '../sync/conflictResolution';
import { LiveUpdates } from '../sync/liveUpdates';
import { OfflineStore } from '../sync/offlineStore';
import { applyRemoteChange, missedChanges, sha256Hex } from '../sync/remoteChange';
import type { Base } from '../sync/saveTypes';
import { EditorPane } from './editorPane';
import { FileActions } from './fileActions';
import type { OpenFile } from './openFile';
import { OpenFiles } from './openFiles';
import { Panels } from './panels';
import type { ProjectSession } from './sessions';
import { workspaceLayout } from './layout';
import { showShareDialog } from './shareDialog';
import { Sidebar } from './sidebar';
import { StatusBar } from './statusBar';
import { TabsView } from './tabsView';
import { listenToWindow } from './windowEvents';

/** The page for one project: it wires the views to the open files, the live updates and the connection. */
export class Workspace {
  readonly client: ProjectClient;
  readonly files: OpenFiles;
  private readonly store: OfflineStore;
  private active: string | null = null;
  /** Whether the server answers: requests and the live stream report to it, not only navigator.onLine. */
  private readonly connection: Connection;
  private live: LiveUpdates | null = null;
  private readonly actions: FileActions;
  private readonly sidebar: Sidebar;
  private readonly tabs = new TabsView({ activate: (path) => this.activate(path), close: (path) => this.closeTab(path) });
  private readonly status = new StatusBar({
    retry: () => this.activeFile()?.save(),
    openHistory: () => void this.panels.openHistory(this.activeFile()),
    dismissNotice: () => this.activeFile()?.setNotice(null),
  });
  private readonly pane = new EditorPane((position) => this.status.showCursor(position));
  private readonly panels: Panels;
  private readonly unlisten: () => void;

  constructor(
    private readonly root: HTMLElement,
    session: ProjectSession,
    private readonly leave: () => void,
  ) {
    this.connection = new Connection({
      browserOnline: () => navigator.onLine,
      probe: () => this.client.listFiles(),
      onChange: this.onConnection,
    });
    this.client = new ProjectClient(session.projectId, session.token, '', this.connection);
    this.store = new OfflineStore(session.projectId);
    this.files = new OpenFiles({
      client: this.client,
      store: this.store,
      connection: this.connection,
      events: {
        status: (file) => this.onStatus(file),
        saved: (result) => this.sidebar.noteChange(result),
        conflict: (file, base, currentVersion) => this.resolveConflict(file, base, currentVersion),
        notice: (text) => this.showNotice(text),
      },
    });
    this.sidebar = new Sidebar(this.client, this.store, this.files, {
      active: () => this.active,
      open: (path) => this.openFile(path),
      rename: () => void this.actions.renameActive(),
      delete: () => void this.actions.deleteActive(),
      undelete: (path) => void this.actions.undelete(path),
      notice: (text) => this.showNotice(text),
    });
    this.actions = new FileActions({
      client: this.client,
      tree: this.sidebar,
      tabs: {
        active: () => this.activeFile(),
        open: (path, minVersion) => this.openFile(path, { minVersion }),
        renamed: (from, to) => this.renamePath(from, to),
        close: (path) => this.closeTab(path, { force: true }),
      },
      notice: (text) => this.showNotice(text),
    });
    this.panels = new Panels(this.client, this.pane, () => this.active);
    const parts = { tree: this.sidebar.tree, deleted: this.sidebar.deleted, tabs: this.tabs, status: this.status, pane: this.pane, panels: this.panels };
    this.root.replaceChildren(
      workspaceLayout(session, {
        share: () => showShareDialog(session, this.client),
        openTimeline: () => void this.panels.openTimeline(),
        close: () => this.close(),
        createFile: () => void this.actions.create(),
        renameActive: () => void this.actions.renameActive(),
        deleteActive: () => void this.actions.deleteActive(),
      }, parts),
    );
    this.unlisten = listenToWindow({
      connectivityChanged: () => this.connection.browserChanged(),
      persistAll: this.files.persistAll,
      hasUnsavedWork: () => this.files.hasUnsavedWork(),
      save: () => this.activeFile()?.save(),
      createFile: () => void this.actions.create(),
      openHistory: () => void this.panels.openHistory(this.activeFile()),
      openTimeline: () => void this.panels.openTimeline(),
      closePanel: () => {
        if (!this.panels.open) return false;
        this.panels.closeHistory();
        this.pane.focus();
        return true;
      },
    });
  }

  /** Shows the tree, then the tabs, then loads the editor and the open files; done once the editor is loaded (or failed to). */
  async start(): Promise<void> {
    this.status.showConnection(this.connection.state);
    this.sidebar.render();
    await this.sidebar.loadFiles();
    // The tree first, then the editor: Monaco (most of the page's weight) loads while the tabs' files do.
    const editorLoaded = this.pane.load();
    const tabs = this.store.openTabs();
    const paths = [...new Set([...tabs.paths, ...this.store.pendingPaths()])];
    const first = tabs.active && paths.includes(tabs.active) ? tabs.active : paths[0];
    const opening = Promise.all(paths.map((path) => this.openFile(path, { activate: path === first })));
    this.renderAll();
    await opening;
    this.renderAll();
    this.live = new LiveUpdates(this.client.updatesUrl(), {
      onChange: (event) => void this.onRemoteChange(event),
      onReconnect: () => void this.catchUp(),
      onState: (open) => this.connection.liveChanged(open),
    });
    void this.sidebar.loadDeleted();
    await editorLoaded;
  }

  close(): void {
    if (this.files.hasUnsavedWork() && !window.confirm('Some edits are not saved yet. They stay in this browser. Leave?')) return;
    this.live?.close();
    this.connection.dispose();
    this.unlisten();
    this.files.dispose();
    this.pane.dispose();
    this.leave();
  }

  // ---- tabs ---------------------------------------------------------------------------------

  /** Opens (or shows) a file: from the server, or from the edits kept in this browser. */
  async openFile(path: string, options: { activate?: boolean; minVersion?: number } = {}): Promise<void> {
    let activate = options.activate !== false;
    if (!this.files.has(path)) {
      const adding = this.files.add(path, options.minVersion);
      // Its tab and status show at once, its text once it and the editor are loaded (unless another tab was chosen).
      if (activate) this.activate(path);
      await adding;
      activate &&= this.active === path;
    }
    if (activate) this.activate(path);
    this.persistTabs();
  }

  activeFile(): OpenFile | null {
    return this.files.get(this.active) ?? null;
  }

  activate(path: string): void {
    this.pane.leave(this.activeFile());
    this.active = path;
    this.panels.closeHistory();
    this.panels.showConflictOf(path);
    this.pane.show(this.files.get(path) ?? null);
    this.renderAll();
  }

  closeTab(path: string, options: { force?: boolean } = {}): void {
    const file = this.files.get(path);
    if (!file) return;
    if (!options.force && file.hasUnsavedWork) {
      this.showNotice(`${path} has unsaved edits; it closes once they are saved.`);
      void file.whenIdle().then(() => {
        if (!file.hasUnsavedWork) this.closeTab(path);
      });
      file.save();
      return;
    }
    this.files.remove(path);
    if (this.active === path) {
      this.active = null;
      const next = this.files.paths()[0];
      if (next) this.activate(next);
      else this.pane.show(null);
    }
    this.renderAll();
  }

  renamePath(from: string, to: string): void {
    if (!this.files.rename(from, to)) return;
    if (this.active === from) this.active = to;
    this.panels.renamed(from, to);
    this.renderAll();
  }

  private renderAll(): void {
    this.persistTabs();
    this.tabs.render(this.files.all(), this.active);
    this.sidebar.render();
    this.status.showFile(this.activeFile());
  }

  private onStatus(file: OpenFile): void {
    if (file.path === this.active) this.status.showFile(file);
    this.tabs.render(this.files.all(), this.active);
    this.sidebar.render();
  }

  private persistTabs(): void {
    this.store.setOpenTabs(this.files.paths(), this.active);
  }

  // ---- connectivity, live updates and merging ---------------------------------------------------

  private readonly onConnection = (state: ConnectionState, regained: boolean): void => {
    this.status.showConnection(state);
    if (regained) {
      this.live?.reconnectNow();
      void this.catchUp();
    } else if (state === 'offline' || state === 'unreachable') this.files.persistAll();
  };

  /** After a reconnect: load what was missed (tree, files that could not load, newer versions). */
  private async catchUp(): Promise<void> {
    await this.sidebar.loadFiles();
    void this.pane.load();
    for (const file of this.files.all()) {
      if (file.model) continue;
      await file.load();
      if (file.path === this.active) this.activate(file.path);
    }
    const open = this.files.all().map((f) => ({ path: f.path, knownVersion: f.knownBase?.version ?? null }));
    for (const change of missedChanges(open, this.sidebar.liveFiles)) await this.onRemoteChange(change);
    void this.sidebar.loadDeleted();
  }

  private async onRemoteChange(event: FileChangedEvent): Promise<void> {
    if (event.kind === 'DELETED') this.sidebar.rememberDelete(event.path);
    this.sidebar.noteChange(event, event.kind === 'DELETED');
    this.sidebar.scheduleRefresh();
    if (this.active === event.path) this.panels.historyChanged(event.version);
    let file = this.files.get(event.path) ?? this.files.byFileId(event.fileId);
    if (!file?.queue) return;
    if (event.kind === 'MOVED' && file.path !== event.path) {
      this.renamePath(file.path, event.path);
      file = this.files.get(event.path)!;
    }
    const target = file;
    await applyRemoteChange(event, {
      path: target.path,
      queue: target.queue!,
      fetchContent: (minVersion) => this.client.content(target.path, { minVersion }),
      showText: (text) => target.setText(text),
      notify: (notice) => this.setNotice(target, notice),
      hash: sha256Hex,
    });
  }

  /** A save got 409: merge with the server's version, or let the user choose in the conflict view. */
  private resolveConflict(file: OpenFile, base: Base, currentVersion: number | null): Promise<Base> {
    return resolveConflict(
      {
        path: file.path,
        fetchContent: (minVersion) => this.client.content(file.path, { minVersion }),
        text: () => file.text(),
        showText: (text) => file.setText(text),
        notify: (notice) => this.setNotice(file, notice),
        setConflictOpen: (open) => file.queue?.setConflictOpen(open),
        choose: (choice) =>
          this.panels.chooseInConflict(file, choice, () => {
            this.setNotice(file, null);
            if (this.active !== file.path) this.activate(file.path);
          }),
      },
      base,
      currentVersion,
    );
  }

  private setNotice(file: OpenFile, notice: string | null): void {
    file.setNotice(notice);
    if (file.path === this.active) this.showNotice(notice);
  }

  showNotice(text: string | null): void {
    this.status.showNotice(text);
  }
}
