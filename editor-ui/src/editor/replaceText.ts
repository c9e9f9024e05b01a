import { smallestEdit } from '../sync/textEdit';
import type { monaco } from './monaco';

/**
 * Puts `text` in `model` with the smallest single edit (a cursor outside the change stays put), as one undo step of
 * its own: without the stops around it, Monaco adds the change to the user's open undo step (the typing since the
 * last Enter, say), and Ctrl+Z would undo both, giving back a text that never existed.
 */
export function replaceText(model: monaco.editor.ITextModel, text: string): void {
  const edit = smallestEdit(model.getValue(), text);
  if (!edit) return;
  const from = model.getPositionAt(edit.start);
  const to = model.getPositionAt(edit.end);
  model.pushStackElement();
  const range = { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
  model.pushEditOperations([], [{ range, text: edit.text }], () => null);
  model.pushStackElement();
}
