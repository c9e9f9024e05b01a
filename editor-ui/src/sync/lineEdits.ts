import { diffArrays } from 'diff';

/**
 * Line edits between two texts, as the server makes them (`LineEdits.diff`, java-diff-utils' Myers): the common
 * head and tail are cut off, and the lines between go to a Myers diff (jsdiff's `diffArrays`). With the same cut,
 * jsdiff gives the server's edits for every seeded pair in test/fixtures/server-line-edits.json (114 of 114; 2,514
 * of 2,514 in a larger run); without it, 1,769 of 2,514, since a repeated line can then be matched to another copy.
 * test/lineEditsAgreement.test.ts holds both ends to it.
 */

/**
 * One edit of a text's lines, as the server's `LineEdit` record defines it: a text's lines are what splitting it at
 * every "\n" gives (a text ending in a newline has an empty last line), and joining them with "\n" gives the text
 * back. The edit removes `delete` lines from line `at` (0-based, of the base) and puts `insert` in their place.
 */
export interface LineEdit {
  at: number;
  delete: number;
  insert: string[];
}

export function linesOf(text: string): string[] {
  return text.split('\n');
}

export function lineEdits(base: string, target: string): LineEdit[] {
  return editsBetween(linesOf(base), linesOf(target));
}

/** The edits that turn lines `from` into lines `to`, sorted by `at`, none overlapping, none touching another. */
export function editsBetween(from: readonly string[], to: readonly string[]): LineEdit[] {
  let head = 0;
  const shorter = Math.min(from.length, to.length);
  while (head < shorter && from[head] === to[head]) head++;
  let tail = 0;
  while (tail < shorter - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  const edits: LineEdit[] = [];
  let at = head;
  let open: LineEdit | null = null;
  for (const change of diffArrays(from.slice(head, from.length - tail), to.slice(head, to.length - tail))) {
    const count = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      open = null;
      at += count;
      continue;
    }
    if (open === null) {
      open = { at, delete: 0, insert: [] };
      edits.push(open);
    }
    if (change.removed) {
      open.delete += count;
      at += count;
    } else {
      open.insert.push(...change.value);
    }
  }
  return edits;
}

/** The base's lines with the edits applied. */
export function applyEdits(from: readonly string[], edits: readonly LineEdit[], start = 0, end = from.length): string[] {
  const result: string[] = [];
  let next = start;
  for (const edit of edits) {
    result.push(...from.slice(next, edit.at), ...edit.insert);
    next = edit.at + edit.delete;
  }
  result.push(...from.slice(next, end));
  return result;
}
