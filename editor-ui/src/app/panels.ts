import type { ProjectClient } from '../api/client';
import type { ConflictChoice } from '../sync/conflictResolution';
import { h } from '../ui/dom';
import type { EditorPane } from './editorPane';
import type { HistoryView } from './historyView';
import type { OpenFile } from './openFile';
import { showTimeline } from './timelineView';

/**
 * The views that cover the editor: a file's history, the project timeline, and the conflict view. Conflict views
 * open one after another, and one shows only while its file's tab is active. The history and conflict views show
 * Monaco editors, so they load with it, when first opened.
 */
export class Panels {
  readonly conflictHost = h('div', { className: 'overlay-host', hidden: true });
  readonly panelHost = h('div', { className: 'overlay-host', hidden: true });
  private history: HistoryView | null = null;
  /** The file whose conflict view is open. */
  private conflictPath: string | null = null;
  /** Each conflict view waits for the one before it to be resolved. */
  private conflictTurn: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: ProjectClient,
    private readonly pane: EditorPane,
    private readonly active: () => string | null,
  ) {}

  get open(): boolean {
    return !this.panelHost.hidden;
  }

  async openHistory(file: OpenFile | null): Promise<void> {
    if (!file) return;
    const { HistoryView } = await import('./historyView');
    this.closeHistory();
    this.history = new HistoryView(this.panelHost, this.client, file.path, file.language, {
      restore: (version) => this.restore(file, version),
      close: () => this.closeHistory(),
    });
    // minVersion: the history's read model may not have caught up with our last save yet.
    await this.history.load(file.knownBase?.version);
  }

  /** A new version of the active file arrived: an open history shows it. */
  historyChanged(version: number): void {
    if (this.history) void this.history.load(version);
  }

  /** Closes the history or the timeline, whichever covers the editor. */
  closeHistory(): void {
    this.history?.dispose();
    this.history = null;
    this.panelHost.hidden = true;
    this.panelHost.replaceChildren();
  }

  async openTimeline(): Promise<void> {
    this.closeHistory();
    await showTimeline(this.panelHost, this.client, () => this.closeHistory());
  }

  private async restore(file: OpenFile, version: number): Promise<void> {
    await file.flush();
    const base = file.knownBase;
    if (!base) throw new Error('the file is not loaded');
    const result = await this.client.restore(file.path, version, base.version);
    const content = await this.client.content(file.path, { minVersion: result.version });
    file.setText(content.content);
    file.rebase({ version: content.version, content: content.content });
    await this.history?.load(result.version);
  }

  /** The tab of `path` is shown: its conflict view shows with it, anyone else's hides. */
  showConflictOf(path: string): void {
    this.conflictHost.hidden = this.conflictPath === null || this.conflictPath !== path;
  }

  renamed(from: string, to: string): void {
    if (this.conflictPath === from) this.conflictPath = to;
  }

  /** Waits for its turn, then shows the conflict view of `file`; resolves with the text the user chose. */
  async chooseInConflict(file: OpenFile, choice: ConflictChoice, show: () => void): Promise<string> {
    const previous = this.conflictTurn;
    let done: () => void = () => {};
    this.conflictTurn = new Promise<void>((resolve) => (done = resolve));
    await previous;
    this.conflictPath = file.path;
    show();
    this.closeHistory();
    const { showConflict } = await import('./conflictView');
    const chosen = await showConflict(this.conflictHost, { path: file.path, language: file.language, ...choice });
    this.conflictPath = null;
    done();
    if (this.active() === file.path) this.pane.focus();
    return chosen;
  }
}
