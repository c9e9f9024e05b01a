import { clear, h } from '../ui/dom';
import { shortStatus } from '../ui/statusText';
import type { OpenFile } from './openFile';

/** The tab strip: one tab per open file, marked when unsaved, with its short status. */
export class TabsView {
  readonly element = h('div', { className: 'tabs', role: 'tablist', 'aria-label': 'Open files' });

  constructor(private readonly actions: { activate(path: string): void; close(path: string): void }) {}

  render(files: Iterable<OpenFile>, active: string | null): void {
    clear(this.element);
    for (const file of files) {
      const status = file.status;
      const name = file.path.slice(file.path.lastIndexOf('/') + 1);
      const selected = file.path === active;
      this.element.append(
        h(
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
              onclick: () => this.actions.activate(file.path),
            },
            file.showsUnsaved ? h('span', { className: 'dirty', 'aria-label': 'unsaved', title: 'unsaved' }, '● ') : null,
            name,
            status ? h('span', { className: 'short-status' }, ` ${shortStatus(status)}`) : null,
          ),
          h(
            'button',
            { type: 'button', className: 'tab-close', 'aria-label': `Close ${file.path}`, onclick: () => this.actions.close(file.path) },
            '×',
          ),
        ),
      );
    }
  }
}
