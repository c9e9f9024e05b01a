/** One replacement that turns `current` into `next`: offsets into `current`, and the text to put between them. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest single edit from `current` to `next` (common prefix and suffix kept), so that a cursor outside the
 * changed region stays where it was. Null when the texts are equal.
 */
export function smallestEdit(current: string, next: string): TextEdit | null {
  if (current === next) return null;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { start, end: current.length - end, text: next.slice(start, next.length - end) };
}
