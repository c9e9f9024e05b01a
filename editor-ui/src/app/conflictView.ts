import { monaco } from '../editor/monaco';
import { h } from '../ui/dom';

export interface ConflictInput {
  path: string;
  language: string;
  mine: string;
  theirs: string;
  theirsLabel: string;
  /** The merge with conflict markers around each overlapping change: a starting point to edit. */
  merged: string;
  conflicts: number;
}

/**
 * Yours next to theirs in Monaco's diff editor, and an editable merged result below. Resolves with
 * the text to save: yours, theirs, or the merged result as edited.
 */
export function showConflict(host: HTMLElement, input: ConflictInput): Promise<string> {
  return new Promise((resolve) => {
    const diffHost = h('div', { className: 'conflict-diff', 'aria-label': 'Theirs (left) and yours (right)' });
    const mergedHost = h('div', { className: 'conflict-merged', 'aria-label': 'Merged result, editable' });
    const finish = (text: string) => {
      diffEditor.dispose();
      mergedEditor.dispose();
      original.dispose();
      modified.dispose();
      mergedModel.dispose();
      host.replaceChildren();
      host.hidden = true;
      resolve(text);
    };
    const view = h(
      'section',
      { className: 'conflict', 'data-testid': 'conflict-view', 'aria-label': `Conflict in ${input.path}` },
      h(
        'header',
        { className: 'conflict-header' },
        h('h2', {}, `⚠ Conflict in ${input.path}`),
        h(
          'p',
          {},
          `${input.theirsLabel} changed the same lines as you (${input.conflicts} place${input.conflicts === 1 ? '' : 's'}). ` +
            'Your text is kept until you choose.',
        ),
        h(
          'div',
          { className: 'conflict-actions' },
          h('button', { type: 'button', 'data-testid': 'keep-mine', onclick: () => finish(input.mine) }, 'Keep mine'),
          h('button', { type: 'button', 'data-testid': 'take-theirs', onclick: () => finish(input.theirs) }, 'Take theirs'),
          h(
            'button',
            { type: 'button', className: 'primary', 'data-testid': 'use-merged', onclick: () => finish(mergedModel.getValue()) },
            'Save merged result',
          ),
        ),
      ),
      h('div', { className: 'conflict-labels' }, h('span', {}, `Theirs: ${input.theirsLabel}`), h('span', {}, 'Yours')),
      diffHost,
      h('h3', { className: 'conflict-merged-label' }, 'Merged result (editable)'),
      mergedHost,
    );
    host.replaceChildren(view);
    host.hidden = false;

    const original = monaco.editor.createModel(input.theirs, input.language);
    const modified = monaco.editor.createModel(input.mine, input.language);
    const mergedModel = monaco.editor.createModel(input.merged, input.language);
    const diffEditor = monaco.editor.createDiffEditor(diffHost, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
    });
    diffEditor.setModel({ original, modified });
    const mergedEditor = monaco.editor.create(mergedHost, {
      model: mergedModel,
      automaticLayout: true,
      minimap: { enabled: false },
    });
    view.querySelector<HTMLButtonElement>('[data-testid=keep-mine]')?.focus();
  });
}
