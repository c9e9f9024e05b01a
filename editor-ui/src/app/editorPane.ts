import { loadMonaco } from '../editor/loadMonaco';
import type { monaco } from '../editor/monaco';
import { h } from '../ui/dom';
import type { OpenFile } from './openFile';

const NOTHING_OPEN = 'Open a file from the tree, or create one.';
const LOADING = 'Loading the editor…';
const NOT_LOADED = 'The editor could not be loaded; it is tried again when the connection is back.';

/**
 * The Monaco editor of the page, and the placeholder shown instead of it when no file is loaded. Monaco is loaded
 * by `load()`, after the tree is shown: until then the placeholder says so, and the file to show is remembered.
 */
export class EditorPane {
  readonly host = h('div', { className: 'editor-host', 'data-testid': 'editor', hidden: true });
  readonly placeholder = h('div', { className: 'placeholder', 'data-testid': 'editor-placeholder' }, LOADING);
  private editor: monaco.editor.IStandaloneCodeEditor | null = null;
  /** Each file's scroll and cursor, kept while its tab is not shown. */
  private readonly viewStates = new WeakMap<OpenFile, monaco.editor.ICodeEditorViewState>();
  private shown: OpenFile | null = null;
  private loading: Promise<void> | null = null;
  private failed = false;
  private disposed = false;

  constructor(private readonly onCursor: (position: monaco.Position | null) => void) {}

  /**
   * Loads Monaco and creates the editor, once (again after a failed load). The host must be in the page by then, so
   * that Monaco measures the real fonts and size.
   */
  load(): Promise<void> {
    if (this.loading) return this.loading;
    this.failed = false;
    this.loading = loadMonaco().then(
      (monaco) => {
        if (this.disposed) return;
        const editor = monaco.editor.create(this.host, {
          model: null,
          automaticLayout: true,
          autoClosingBrackets: 'never',
          autoClosingQuotes: 'never',
          autoSurround: 'never',
          minimap: { enabled: false },
          ariaLabel: 'File editor',
        });
        editor.onDidChangeCursorPosition(() => this.onCursor(editor.getPosition()));
        editor.onDidChangeModel(() => this.onCursor(editor.getPosition()));
        this.editor = editor;
        this.show(this.shown);
      },
      () => {
        this.failed = true;
        this.loading = null;
        this.show(this.shown);
      },
    );
    return this.loading;
  }

  /** Keeps the scroll and cursor of the file being left, to restore them when its tab is shown again. */
  leave(file: OpenFile | null): void {
    const state = this.editor && file?.model && this.editor.getModel() === file.model ? this.editor.saveViewState() : null;
    if (file && state) this.viewStates.set(file, state);
  }

  show(file: OpenFile | null): void {
    this.shown = file;
    if (this.editor && file?.model) {
      this.editor.setModel(file.model);
      const state = this.viewStates.get(file);
      if (state) this.editor.restoreViewState(state);
      this.host.hidden = false;
      this.placeholder.hidden = true;
      this.editor.focus();
    } else {
      this.editor?.setModel(null);
      this.host.hidden = true;
      this.placeholder.hidden = false;
      this.placeholder.textContent = !this.editor ? (this.failed ? NOT_LOADED : LOADING) : file ? (file.loadError ?? `Loading ${file.path}…`) : NOTHING_OPEN;
    }
  }

  focus(): void {
    this.editor?.focus();
  }

  dispose(): void {
    this.disposed = true;
    this.editor?.dispose();
  }
}
