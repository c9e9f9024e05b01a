import { h } from '../ui/dom';
import type { DeletedView } from './deletedView';
import type { EditorPane } from './editorPane';
import type { Panels } from './panels';
import type { ProjectSession } from './sessions';
import type { StatusBar } from './statusBar';
import type { TabsView } from './tabsView';
import type { TreeView } from './treeView';

export interface LayoutActions {
  share(): void;
  openTimeline(): void;
  close(): void;
  createFile(): void;
  renameActive(): void;
  deleteActive(): void;
}

export interface LayoutParts {
  tree: TreeView;
  deleted: DeletedView;
  tabs: TabsView;
  status: StatusBar;
  pane: EditorPane;
  panels: Panels;
}

/** The workspace page: top bar, the sidebar with the tree and the deleted files, tabs, status and editor. */
export function workspaceLayout(session: ProjectSession, actions: LayoutActions, parts: LayoutParts): HTMLElement {
  const header = h(
    'header',
    { className: 'topbar' },
    h('h1', {}, 'Velocity'),
    h('span', { className: 'project-name', 'data-testid': 'project-name' }, `${session.name} · ${session.user}`),
    h('button', { type: 'button', onclick: () => actions.share(), title: 'Link and token for others' }, 'Share'),
    h('button', { type: 'button', 'data-testid': 'open-timeline', onclick: () => actions.openTimeline(), title: 'Alt+T' }, 'Timeline'),
    h('button', { type: 'button', onclick: () => actions.close() }, 'Projects'),
    parts.status.connection,
  );
  const sidebar = h(
    'nav',
    { className: 'sidebar', 'aria-label': 'Project files' },
    h(
      'div',
      { className: 'sidebar-actions' },
      h('button', { type: 'button', 'data-testid': 'new-file', onclick: () => actions.createFile(), title: 'Alt+N' }, 'New file'),
      h('button', { type: 'button', 'data-testid': 'rename-file', onclick: () => actions.renameActive(), title: 'F2 in the tree' }, 'Rename'),
      h('button', { type: 'button', 'data-testid': 'delete-file', onclick: () => actions.deleteActive(), title: 'Delete in the tree' }, 'Delete'),
    ),
    parts.tree.element,
    h('h2', { className: 'deleted-heading' }, 'Deleted files'),
    parts.deleted.element,
  );
  const main = h(
    'main',
    { className: 'main' },
    parts.tabs.element,
    parts.status.bar,
    parts.status.notice,
    h('div', { className: 'editor-area' }, parts.pane.host, parts.pane.placeholder, parts.panels.conflictHost, parts.panels.panelHost),
  );
  return h('div', { className: 'workspace' }, header, h('div', { className: 'body' }, sidebar, main));
}
