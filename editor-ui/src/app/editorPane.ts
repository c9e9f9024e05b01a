import { monaco } from '../editor/monaco';
import { h } from '../ui/dom';
import type { OpenFile } from './openFile';

const NOTHING_OPEN = 'Open a file from the tree, or create one.';

/** The Monaco editor of the page, and the placeholder shown instead of it when no file is loaded. */
export class EditorPane {
  readonly host = h('div', { className: 'editor-host', 'data-testid': 'editor' });
  readonly placeholder = h('div', { className: 'placeholder' });
  private editor!: monaco.editor.IStandaloneCodeEditor;
  /** Each file's scroll and cursor, kept while its tab is not shown. */
  private readonly viewStates = new WeakMap<OpenFile, monaco.editor.ICodeEditorViewState>();

  /** Creates the editor once the host is in the page, so that Monaco measures the real fonts and size. */
  mount(onCursor: (position: monaco.Position | null) => void): void {
    this.editor = monaco.editor.create(this.host, {
      model: null,
      automaticLayout: true,
      autoClosingBrackets: 'never',
      autoClosingQuotes: 'never',
      autoSurround: 'never',
      minimap: { enabled: false },
      ariaLabel: 'File editor',
    });
    this.editor.onDidChangeCursorPosition(() => onCursor(this.editor.getPosition()));
    this.editor.onDidChangeModel(() => onCursor(this.editor.getPosition()));
  }

  /** Keeps the scroll and cursor of the file being left, to restore them when its tab is shown again. */
  leave(file: OpenFile | null): void {
    const state = file?.model && this.editor.getModel() === file.model ? this.editor.saveViewState() : null;
    if (file && state) this.viewStates.set(file, state);
  }

  show(file: OpenFile | null): void {
    if (file?.model) {
      this.editor.setModel(file.model);
      const state = this.viewStates.get(file);
      if (state) this.editor.restoreViewState(state);
      this.host.hidden = false;
      this.placeholder.hidden = true;
      this.editor.focus();
    } else {
      this.editor.setModel(null);
      this.host.hidden = true;
      this.placeholder.hidden = false;
      this.placeholder.textContent = file?.loadError ?? NOTHING_OPEN;
    }
  }

  focus(): void {
    this.editor.focus();
  }

  dispose(): void {
    this.editor.dispose();
  }
}
