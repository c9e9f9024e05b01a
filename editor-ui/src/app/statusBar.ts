import type { ConnectionState } from '../sync/connection';
import { languageName } from '../editor/languages';
import { h } from '../ui/dom';
import { connectionLabel, statusLabel } from '../ui/statusText';
import type { OpenFile } from './openFile';

/** The active file's save status, cursor and language, the connection indicator and the notice bar. */
export class StatusBar {
  readonly connection = h('span', { className: 'connection', 'data-testid': 'connection', role: 'status' });
  readonly notice = h('div', { className: 'notice', role: 'status', 'data-testid': 'notice', hidden: true });
  private readonly status = h('span', { className: 'file-status', 'data-testid': 'file-status', role: 'status', 'aria-live': 'polite' });
  private readonly retry = h('button', { type: 'button', 'data-testid': 'retry-save', hidden: true }, 'Retry');
  private readonly cursor = h('span', { className: 'cursor-position', 'data-testid': 'cursor-position' });
  private readonly language = h('span', { className: 'file-language', 'data-testid': 'file-language' });
  readonly bar: HTMLElement;
  private readonly onDismiss: () => void;

  constructor(actions: { retry(): void; openHistory(): void; dismissNotice(): void }) {
    this.retry.addEventListener('click', actions.retry);
    this.onDismiss = actions.dismissNotice;
    this.bar = h(
      'div',
      { className: 'statusbar' },
      this.status,
      this.retry,
      this.cursor,
      this.language,
      h('button', { type: 'button', 'data-testid': 'open-history', onclick: actions.openHistory, title: 'Alt+H' }, 'History'),
    );
  }

  showFile(file: OpenFile | null): void {
    const status = file?.status;
    this.status.textContent = file ? `${file.path}: ${status ? statusLabel(status) : file.loadError ?? 'loading…'}` : 'No file open';
    this.status.dataset.kind = status?.kind ?? 'none';
    this.status.dataset.version = status?.kind === 'saved' ? String(status.version) : '';
    this.retry.hidden = status?.kind !== 'failed';
    const language = file?.model ? file.language : null;
    this.language.dataset.language = language ?? '';
    this.language.textContent = language ? languageName(language) : '';
    if (file?.notice) this.showNotice(file.notice);
  }

  showCursor(position: { lineNumber: number; column: number } | null): void {
    this.cursor.textContent = position ? `Ln ${position.lineNumber}, Col ${position.column}` : '';
    this.cursor.dataset.position = position ? `${position.lineNumber}:${position.column}` : '';
  }

  showConnection(state: ConnectionState): void {
    this.connection.textContent = connectionLabel(state);
    this.connection.dataset.state = state;
  }

  showNotice(text: string | null): void {
    this.notice.hidden = !text;
    this.notice.replaceChildren();
    if (!text) return;
    this.notice.append(
      h('span', {}, text),
      h(
        'button',
        {
          type: 'button',
          className: 'notice-dismiss',
          'aria-label': 'Dismiss notice',
          onclick: () => {
            this.onDismiss();
            this.notice.hidden = true;
          },
        },
        '×',
      ),
    );
  }
}
