import { monaco } from '../editor/monaco';
import { replaceText } from '../editor/replaceText';
import { h } from '../ui/dom';
import type { OpenFile } from './openFile';

const NOTHING_OPEN = 'Open a file from the tree, or create one.';

/** The Monaco editor of the page, and the placeholder shown instead of it when no file is loaded. */
export class EditorPane {
  readonly host = h('div', { className: 'editor-host', 'data-testid': 'editor' });
  readonly placeholder = h('div', { className: 'placeholder' });
  private editor!: monaco.editor.IStandaloneCodeEditor;

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
    if (file?.model && this.editor.getModel() === file.model) file.viewState = this.editor.saveViewState();
  }

  show(file: OpenFile | null): void {
    if (file?.model) {
      this.editor.setModel(file.model);
      if (file.viewState) this.editor.restoreViewState(file.viewState);
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

/** Replaces a file's text as a change by the program, not by the user: one undo step, not an edit to save. */
export function applyText(file: OpenFile, text: string): void {
  if (!file.model) return;
  file.applyingRemote = true;
  try {
    replaceText(file.model, text);
  } finally {
    file.applyingRemote = false;
  }
}
