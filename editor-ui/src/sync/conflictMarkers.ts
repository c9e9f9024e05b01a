/**
 * Conflict markers in a merged text, as git and `merge3` write them:
 *
 *     <<<<<<< yours
 *     (your lines)
 *     ||||||| base        (optional, diff3 style: the lines both started from)
 *     =======
 *     (their lines)
 *     >>>>>>> theirs
 *
 * A text that still holds them is not resolved: saving it would put the markers in the file. A lone `=======` is
 * ordinary text (Markdown underlines, ASCII rules); a `<<<<<<<` or `>>>>>>>` line outside a complete block is a
 * leftover marker the user should see before saving.
 */

/** One unresolved conflict. Lines are 1-based, as the editor counts them. */
export interface ConflictHunk {
  /** The `<<<<<<<` line. */
  startLine: number;
  /** The `=======` line. */
  separatorLine: number;
  /** The `>>>>>>>` line. */
  endLine: number;
  /** Your lines and their lines, each with its line terminator. */
  mine: string;
  theirs: string;
}

export interface ConflictScan {
  hunks: ConflictHunk[];
  /** `<<<<<<<` or `>>>>>>>` lines that are not part of a complete block (1-based). */
  strayMarkerLines: number[];
}

export type ConflictSide = 'mine' | 'theirs' | 'both';

const START = /^<{7}(?: .*)?\r?\n?$/;
const BASE = /^\|{7}(?: .*)?\r?\n?$/;
const SEPARATOR = /^={7}\r?\n?$/;
const END = /^>{7}(?: .*)?\r?\n?$/;

/** The lines of `text`, each keeping its terminator, so that joining them gives the text back byte for byte. */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

export function findConflicts(text: string): ConflictScan {
  const lines = linesOf(text);
  const hunks: ConflictHunk[] = [];
  const strayMarkerLines: number[] = [];
  let i = 0;
  while (i < lines.length) {
    if (START.test(lines[i])) {
      const hunk = blockAt(lines, i);
      if (hunk) {
        hunks.push(hunk);
        i = hunk.endLine;
        continue;
      }
      strayMarkerLines.push(i + 1);
    } else if (END.test(lines[i])) {
      strayMarkerLines.push(i + 1);
    }
    i++;
  }
  return { hunks, strayMarkerLines };
}

/** The complete block that starts at line index `start`, or null when it is cut short or a new one starts first. */
function blockAt(lines: readonly string[], start: number): ConflictHunk | null {
  let baseAt = -1;
  let separatorAt = -1;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (START.test(line)) return null;
    if (separatorAt < 0 && baseAt < 0 && BASE.test(line)) {
      baseAt = i;
    } else if (separatorAt < 0 && SEPARATOR.test(line)) {
      separatorAt = i;
    } else if (END.test(line)) {
      if (separatorAt < 0) return null;
      return {
        startLine: start + 1,
        separatorLine: separatorAt + 1,
        endLine: i + 1,
        mine: lines.slice(start + 1, baseAt < 0 ? separatorAt : baseAt).join(''),
        theirs: lines.slice(separatorAt + 1, i).join(''),
      };
    }
  }
  return null;
}

/** How many places still need a decision: complete blocks and leftover markers. */
export function unresolvedCount(scan: ConflictScan): number {
  return scan.hunks.length + scan.strayMarkerLines.length;
}

/** The text with `hunk`'s block replaced by one side, or by yours followed by theirs. */
export function resolveHunk(text: string, hunk: ConflictHunk, side: ConflictSide): string {
  const lines = linesOf(text);
  const kept = side === 'mine' ? hunk.mine : side === 'theirs' ? hunk.theirs : hunk.mine + hunk.theirs;
  return lines.slice(0, hunk.startLine - 1).join('') + kept + lines.slice(hunk.endLine).join('');
}

/** The index of the hunk whose block holds line `line`, or -1. */
export function hunkAt(hunks: readonly ConflictHunk[], line: number): number {
  return hunks.findIndex((h) => h.startLine <= line && line <= h.endLine);
}

/** Says what is left, in words for the merge view. */
export function describeUnresolved(scan: ConflictScan): string {
  const blocks = scan.hunks.length;
  const stray = scan.strayMarkerLines.length;
  if (blocks === 0 && stray === 0) return 'All conflicts resolved';
  const parts: string[] = [];
  if (blocks > 0) parts.push(`${blocks} conflict${blocks === 1 ? '' : 's'} unresolved`);
  if (stray > 0) parts.push(`a leftover conflict marker on line${stray === 1 ? '' : 's'} ${scan.strayMarkerLines.join(', ')}`);
  return parts.join(', ');
}
