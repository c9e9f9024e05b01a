import { monaco } from '../editor/monaco';
import { replaceText } from '../editor/replaceText';
import {
  describeUnresolved, findConflicts, hunkAt, resolveHunk, type ConflictHunk, type ConflictScan, type ConflictSide,
} from '../sync/conflictMarkers';
import { h } from '../ui/dom';

const YOURS_COLOUR = 'rgba(80, 170, 90, 0.8)';
const THEIRS_COLOUR = 'rgba(70, 130, 220, 0.8)';

/**
 * What is still unresolved in the merged result, above its editor: how many conflicts are left, and for each a row
 * to go to it and to take yours, theirs or both (one undo step each); the editor tints your lines and their lines.
 * It follows every edit of the result, by these buttons or by hand.
 */
export class ConflictHunks {
  private readonly summary = h('span', { className: 'conflict-unresolved', 'data-testid': 'conflict-unresolved', role: 'status' });
  private readonly list = h('ol', { className: 'conflict-hunks', 'aria-label': 'Unresolved conflicts' });
  private readonly decorations: monaco.editor.IEditorDecorationsCollection;
  private readonly subscriptions: monaco.IDisposable[];
  private scan: ConflictScan = { hunks: [], strayMarkerLines: [] };

  constructor(
    host: HTMLElement,
    private readonly editor: monaco.editor.IStandaloneCodeEditor,
    private readonly model: monaco.editor.ITextModel,
    private readonly changed: (scan: ConflictScan) => void,
  ) {
    host.replaceChildren(h('div', { className: 'conflict-merged-title' }, h('h3', {}, 'Merged result (editable)'), this.summary), this.list);
    this.decorations = editor.createDecorationsCollection();
    this.subscriptions = [model.onDidChangeContent(() => this.refresh()), editor.onDidChangeCursorPosition(() => this.markCurrent())];
    this.refresh();
  }

  /** The conflicts as the merged result holds them now. */
  get current(): ConflictScan {
    return this.scan;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.decorations.clear();
  }

  private refresh(): void {
    this.scan = findConflicts(this.model.getValue());
    this.summary.textContent = describeUnresolved(this.scan);
    this.list.replaceChildren(
      ...this.scan.hunks.map((hunk, i) => this.hunkRow(hunk, i + 1)),
      ...this.scan.strayMarkerLines.map((line, i) =>
        h('li', { 'data-testid': `conflict-stray-${i + 1}` }, this.goToButton(line, `conflict-stray-goto-${i + 1}`), h('span', {}, 'a leftover conflict marker')),
      ),
    );
    this.list.hidden = this.list.childElementCount === 0;
    this.decorations.set(this.scan.hunks.flatMap(tints));
    this.markCurrent();
    this.changed(this.scan);
  }

  private hunkRow(hunk: ConflictHunk, n: number): HTMLElement {
    const take = (side: ConflictSide, label: string, id: string) =>
      h('button', { type: 'button', 'data-testid': `conflict-take-${id}-${n}`, onclick: () => this.take(hunk, side, n) }, label);
    return h(
      'li',
      { 'data-testid': `conflict-hunk-${n}`, 'aria-current': 'false' },
      this.goToButton(hunk.startLine, `conflict-goto-${n}`),
      h('span', { className: 'conflict-hunk-preview', title: `Yours:\n${hunk.mine}\nTheirs:\n${hunk.theirs}` },
        h('span', { className: 'conflict-yours' }, `yours: ${preview(hunk.mine)}`), ' · ',
        h('span', { className: 'conflict-theirs' }, `theirs: ${preview(hunk.theirs)}`)),
      take('mine', 'Take yours', 'yours'),
      take('theirs', 'Take theirs', 'theirs'),
      take('both', 'Take both', 'both'),
    );
  }

  private goToButton(line: number, testId: string): HTMLButtonElement {
    return h('button', { type: 'button', className: 'conflict-goto', 'data-testid': testId, title: 'Puts the cursor there in the merged result', onclick: () => this.goTo(line) }, `Go to line ${line}`);
  }

  private goTo(line: number): void {
    this.editor.setPosition({ lineNumber: line, column: 1 });
    this.editor.revealLineInCenterIfOutsideViewport(line);
    this.editor.focus();
  }

  /** Keeps the keyboard in the list (on the conflict that took this one's place), or returns it to the editor. */
  private take(hunk: ConflictHunk, side: ConflictSide, n: number): void {
    replaceText(this.model, resolveHunk(this.model.getValue(), hunk, side));
    const next = this.list.querySelector<HTMLButtonElement>(`[data-testid=conflict-goto-${Math.min(n, this.scan.hunks.length)}]`);
    if (next) next.focus();
    else this.goTo(hunk.startLine);
  }

  /** The row of the conflict the cursor is in shows as the current one. */
  private markCurrent(): void {
    const line = this.editor.getPosition()?.lineNumber ?? 0;
    const current = hunkAt(this.scan.hunks, line);
    this.scan.hunks.forEach((_, i) => {
      this.list.querySelector(`[data-testid=conflict-hunk-${i + 1}]`)?.setAttribute('aria-current', String(i === current));
    });
  }
}

/** The first line of one side, and how many more it has. */
function preview(side: string): string {
  if (side === '') return '(nothing)';
  const lines = side.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const first = lines[0].replace(/\r$/, '').trim() || '(blank line)';
  return lines.length > 1 ? `${first} (+${lines.length - 1} line${lines.length === 2 ? '' : 's'})` : first;
}

/** Whole-line tints for one conflict: its marker lines, your lines, their lines (also in the overview ruler). */
function tints(hunk: ConflictHunk): monaco.editor.IModelDeltaDecoration[] {
  const lines = (from: number, to: number, className: string, colour?: string): monaco.editor.IModelDeltaDecoration[] =>
    from > to
      ? []
      : [{
          range: new monaco.Range(from, 1, to, 1),
          options: {
            isWholeLine: true,
            className,
            overviewRuler: colour ? { color: colour, position: monaco.editor.OverviewRulerLane.Full } : undefined,
          },
        }];
  return [
    ...[hunk.startLine, hunk.separatorLine, hunk.endLine].flatMap((line) => lines(line, line, 'conflict-marker-line')),
    ...lines(hunk.startLine + 1, hunk.separatorLine - 1, 'conflict-yours-lines', YOURS_COLOUR),
    ...lines(hunk.separatorLine + 1, hunk.endLine - 1, 'conflict-theirs-lines', THEIRS_COLOUR),
  ];
}
