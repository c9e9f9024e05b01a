import { clear, h } from '../ui/dom';
import { shortStatus } from '../ui/statusText';
import type { OpenFile } from './openFile';

/** The file tree: folders from the paths, each file a button; F2 renames, Delete deletes, arrows move. */
export class TreeView {
  readonly element = h('ul', { className: 'tree', role: 'tree', 'aria-label': 'Files', 'data-testid': 'file-tree' });

  constructor(private readonly actions: { open(path: string): void; rename(path: string): void; delete(path: string): void }) {}

  render(paths: Set<string>, open: Map<string, OpenFile>, active: string | null): void {
    clear(this.element);
    const folders = new Set<string>();
    for (const path of [...paths].sort()) {
      const parts = path.split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        if (folders.has(folder)) continue;
        folders.add(folder);
        this.element.append(
          h('li', { role: 'treeitem', className: 'folder', style: `--depth:${depth - 1}`, 'aria-expanded': 'true' }, `▾ ${parts[depth - 1]}/`),
        );
      }
      this.element.append(h('li', { role: 'treeitem', style: `--depth:${parts.length - 1}` }, this.fileButton(path, parts, open.get(path), active)));
    }
    if (paths.size === 0) this.element.append(h('li', { className: 'empty' }, 'No files yet.'));
  }

  private fileButton(path: string, parts: string[], file: OpenFile | undefined, active: string | null): HTMLButtonElement {
    const status = file?.status;
    const button = h(
      'button',
      {
        type: 'button',
        className: 'tree-file',
        'data-path': path,
        'aria-current': path === active ? 'true' : null,
        onclick: () => this.actions.open(path),
      },
      h('span', { className: 'name' }, parts[parts.length - 1]),
      file && file.showsUnsaved ? h('span', { className: 'dirty', 'aria-label': 'unsaved', title: 'unsaved' }, ' ●') : null,
      status ? h('span', { className: 'short-status' }, ` ${shortStatus(status)}`) : null,
    );
    button.addEventListener('keydown', (event) => {
      if (event.key === 'F2') {
        event.preventDefault();
        this.actions.rename(path);
      } else if (event.key === 'Delete') {
        event.preventDefault();
        this.actions.delete(path);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const buttons = [...this.element.querySelectorAll<HTMLButtonElement>('button.tree-file')];
        buttons[buttons.indexOf(button) + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
      }
    });
    return button;
  }
}
