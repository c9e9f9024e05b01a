import type { HistoryEntry, ProjectClient } from '../api/client';
import { describeError } from '../api/errors';
import { monaco } from '../editor/monaco';
import { clear, formatSize, formatTime, h } from '../ui/dom';

/**
 * One file's history: who, when, kind, size and message of each version. View a version, diff any
 * two, restore one (the restore itself is the workspace's job: it owns the open file's version).
 */
export class HistoryView {
  private entries: HistoryEntry[] = [];
  private selected = new Set<number>();
  private viewer: monaco.editor.IStandaloneCodeEditor | null = null;
  private diff: monaco.editor.IStandaloneDiffEditor | null = null;
  private models: monaco.editor.ITextModel[] = [];
  private readonly list = h('tbody');
  private readonly viewerHost = h('div', { className: 'history-viewer' });
  private readonly caption = h('p', { className: 'history-caption', 'data-testid': 'history-caption', 'aria-live': 'polite' });
  private readonly diffButton = h('button', { type: 'button', 'data-testid': 'history-diff', disabled: true }, 'Diff selected');

  constructor(
    private readonly host: HTMLElement,
    private readonly client: ProjectClient,
    private readonly path: string,
    private readonly language: string,
    private readonly actions: { restore(version: number): Promise<void>; close(): void },
  ) {
    this.diffButton.addEventListener('click', () => void this.showDiff());
    host.replaceChildren(
      h(
        'section',
        { className: 'history', 'data-testid': 'history-view', 'aria-label': `History of ${path}` },
        h(
          'header',
          { className: 'panel-header' },
          h('h2', {}, `History: ${path}`),
          this.diffButton,
          h('button', { type: 'button', onclick: () => actions.close(), title: 'Close (Escape)' }, 'Close'),
        ),
        h(
          'div',
          { className: 'history-body' },
          h(
            'div',
            { className: 'history-list' },
            h(
              'table',
              {},
              h(
                'thead',
                {},
                h('tr', {}, ...['Diff', 'Version', 'Kind', 'By', 'When', 'Size', 'Message', ''].map((t) => h('th', { scope: 'col' }, t))),
              ),
              this.list,
            ),
          ),
          h('div', { className: 'history-right' }, this.caption, this.viewerHost),
        ),
      ),
    );
    host.hidden = false;
  }

  async load(minVersion?: number): Promise<void> {
    try {
      const history = await this.client.history(this.path, { limit: 200, minVersion });
      this.entries = history.entries;
      this.render();
    } catch (error) {
      this.caption.textContent = `Could not load the history: ${describeError(error)}`;
    }
  }

  dispose(): void {
    this.viewer?.dispose();
    this.diff?.dispose();
    this.models.forEach((m) => m.dispose());
    this.host.replaceChildren();
    this.host.hidden = true;
  }

  private render(): void {
    clear(this.list);
    const newest = this.entries[0]?.version;
    for (const entry of this.entries) {
      const check = h('input', {
        type: 'checkbox',
        'aria-label': `Select version ${entry.version} for diff`,
        'data-testid': `history-select-${entry.version}`,
      });
      check.checked = this.selected.has(entry.version);
      check.addEventListener('change', () => {
        if (check.checked) this.selected.add(entry.version);
        else this.selected.delete(entry.version);
        this.diffButton.disabled = this.selected.size !== 2;
      });
      const canRestore = entry.kind !== 'DELETED' && entry.version !== newest;
      this.list.append(
        h(
          'tr',
          { 'data-testid': `history-entry-${entry.version}` },
          h('td', {}, check),
          h('td', {}, `v${entry.version}`),
          h('td', {}, entry.kind),
          h('td', {}, entry.by),
          h('td', {}, formatTime(entry.at)),
          h('td', {}, formatSize(entry.sizeBytes)),
          h('td', {}, entry.message ?? ''),
          h(
            'td',
            { className: 'history-actions' },
            entry.kind !== 'DELETED' &&
              h('button', { type: 'button', 'data-testid': `history-view-${entry.version}`, onclick: () => void this.showVersion(entry.version) }, 'View'),
            canRestore &&
              h(
                'button',
                { type: 'button', 'data-testid': `history-restore-${entry.version}`, onclick: () => void this.restore(entry.version) },
                'Restore',
              ),
          ),
        ),
      );
    }
    this.diffButton.disabled = this.selected.size !== 2;
  }

  private async restore(version: number): Promise<void> {
    this.caption.textContent = `Restoring v${version}…`;
    try {
      await this.actions.restore(version);
      this.caption.textContent = `Restored v${version} as a new version.`;
    } catch (error) {
      this.caption.textContent = `Restore failed: ${describeError(error)}`;
    }
  }

  private async contentOf(version: number): Promise<string> {
    return (await this.client.content(this.path, { version })).content;
  }

  private async showVersion(version: number): Promise<void> {
    try {
      const text = await this.contentOf(version);
      this.resetViewers();
      const model = monaco.editor.createModel(text, this.language);
      this.models.push(model);
      this.viewer = monaco.editor.create(this.viewerHost, { model, readOnly: true, automaticLayout: true, minimap: { enabled: false } });
      this.caption.textContent = `Viewing v${version} (read only)`;
    } catch (error) {
      this.caption.textContent = `Could not load v${version}: ${describeError(error)}`;
    }
  }

  private async showDiff(): Promise<void> {
    const [from, to] = [...this.selected].sort((a, b) => a - b);
    try {
      const [left, right] = await Promise.all([this.contentOf(from), this.contentOf(to)]);
      this.resetViewers();
      const original = monaco.editor.createModel(left, this.language);
      const modified = monaco.editor.createModel(right, this.language);
      this.models.push(original, modified);
      this.diff = monaco.editor.createDiffEditor(this.viewerHost, {
        readOnly: true,
        automaticLayout: true,
        useInlineViewWhenSpaceIsLimited: false,
      });
      this.diff.setModel({ original, modified });
      this.caption.textContent = `Diff v${from} → v${to}`;
    } catch (error) {
      this.caption.textContent = `Could not diff: ${describeError(error)}`;
    }
  }

  private resetViewers(): void {
    this.viewer?.dispose();
    this.diff?.dispose();
    this.viewer = null;
    this.diff = null;
    this.models.forEach((m) => m.dispose());
    this.models = [];
    clear(this.viewerHost);
  }
}
