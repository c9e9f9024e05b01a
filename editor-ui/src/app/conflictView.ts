import { monaco } from '../editor/monaco';
import { describeUnresolved, findConflicts, unresolvedCount, type ConflictScan } from '../sync/conflictMarkers';
import { confirmAction } from '../ui/dialog';
import { h } from '../ui/dom';
import { ConflictHunks } from './conflictHunks';

const SAVE_MERGED = 'Save merged result';

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
 * Yours next to theirs in Monaco's diff editor, and an editable merged result below with its unresolved conflicts
 * listed. Resolves with the text to save: yours, theirs, or the merged result as edited; a merged result that still
 * holds conflict markers is saved only when the user confirms it.
 */
export function showConflict(host: HTMLElement, input: ConflictInput): Promise<string> {
  return new Promise((resolve) => {
    const diffHost = h('div', { className: 'conflict-diff', 'aria-label': 'Theirs (left) and yours (right)' });
    const mergedHost = h('div', { className: 'conflict-merged', 'aria-label': 'Merged result, editable' });
    const hunksHost = h('div', { className: 'conflict-merged-bar' });
    const saveMerged = h('button', { type: 'button', className: 'primary', 'data-testid': 'use-merged', onclick: () => void confirmThenSave() }, SAVE_MERGED);
    const showUnresolved = (scan: ConflictScan) => {
      const left = unresolvedCount(scan) > 0;
      saveMerged.textContent = left ? 'Save with conflict markers…' : SAVE_MERGED;
      saveMerged.title = left ? `${describeUnresolved(scan)}: asks before it saves the markers` : 'Saves the merged result as a new version';
    };
    const confirmThenSave = async () => {
      const scan = findConflicts(mergedModel.getValue());
      if (unresolvedCount(scan) > 0) {
        const save = await confirmAction(
          `Save with ${describeUnresolved(scan)}?`,
          `${input.path} would be saved with its conflict markers (<<<<<<<, =======, >>>>>>>) in it, as a new version ` +
            'everyone sees. To save without them, take yours or theirs for each conflict, or edit the merged result.',
          'Save with markers',
          'Keep resolving',
        );
        if (!save) return;
      }
      finish(mergedModel.getValue());
    };
    const finish = (text: string) => {
      hunks.dispose();
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
          saveMerged,
        ),
      ),
      h('div', { className: 'conflict-labels' }, h('span', {}, `Theirs: ${input.theirsLabel}`), h('span', {}, 'Yours')),
      diffHost,
      hunksHost,
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
    const hunks = new ConflictHunks(hunksHost, mergedEditor, mergedModel, showUnresolved);
    view.querySelector<HTMLButtonElement>('[data-testid=keep-mine]')?.focus();
  });
}
