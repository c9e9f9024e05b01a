import { diffLines, splitLines, type Hunk } from './lineDiff';

/**
 * Line-based three-way merge (diff3). `base` is the text both sides started from: for the editor, the
 * server version the local edits were made on. Changes that touch different base lines merge; changes
 * to the same base lines, or insertions at the same point, are a conflict unless both made the same edit.
 */

export type MergeChunk =
  | { kind: 'ok'; lines: string[] }
  | { kind: 'conflict'; base: string[]; mine: string[]; theirs: string[] };

export interface MergeResult {
  clean: boolean;
  chunks: MergeChunk[];
  /** The merged text; where there are conflicts, with git-style conflict markers around both sides. */
  text: string;
  conflicts: number;
}

interface SideHunk extends Hunk {
  side: 'mine' | 'theirs';
}

export function merge3(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs) return okResult(mine);
  if (mine === base) return okResult(theirs);
  if (theirs === base) return okResult(mine);

  const baseLines = splitLines(base);
  const mineLines = splitLines(mine);
  const theirLines = splitLines(theirs);
  const hunks: SideHunk[] = [
    ...diffLines(baseLines, mineLines).map((h) => ({ ...h, side: 'mine' as const })),
    ...diffLines(baseLines, theirLines).map((h) => ({ ...h, side: 'theirs' as const })),
  ].sort((x, y) => x.aStart - y.aStart || x.aEnd - y.aEnd);

  const chunks: MergeChunk[] = [];
  const delta = { mine: 0, theirs: 0 };
  let basePos = 0;
  let i = 0;
  while (i < hunks.length) {
    const region: SideHunk[] = [hunks[i]];
    let start = hunks[i].aStart;
    let end = hunks[i].aEnd;
    i++;
    while (i < hunks.length && overlaps(start, end, hunks[i], region)) {
      end = Math.max(end, hunks[i].aEnd);
      start = Math.min(start, hunks[i].aStart);
      region.push(hunks[i]);
      i++;
    }
    pushOk(chunks, baseLines.slice(basePos, start));

    const sideText = (side: 'mine' | 'theirs', lines: string[]): string[] => {
      const own = region.filter((h) => h.side === side);
      if (own.length === 0) return baseLines.slice(start, end);
      const from = start + delta[side];
      const growth = own.reduce((sum, h) => sum + (h.bEnd - h.bStart) - (h.aEnd - h.aStart), 0);
      const to = end + delta[side] + growth;
      delta[side] += growth;
      return lines.slice(from, to);
    };
    const mineChanged = region.some((h) => h.side === 'mine');
    const theirsChanged = region.some((h) => h.side === 'theirs');
    const mineText = sideText('mine', mineLines);
    const theirText = sideText('theirs', theirLines);
    if (!theirsChanged) {
      pushOk(chunks, mineText);
    } else if (!mineChanged || sameLines(mineText, theirText)) {
      pushOk(chunks, theirText);
    } else {
      chunks.push({
        kind: 'conflict',
        base: baseLines.slice(start, end),
        mine: mineText,
        theirs: theirText,
      });
    }
    basePos = end;
  }
  pushOk(chunks, baseLines.slice(basePos));
  return resultOf(chunks);
}

/**
 * A hunk joins the current region when it shares a base line with it, or when both are insertions at
 * the same point (their order would be a guess). Edits that only touch at a boundary merge.
 */
function overlaps(start: number, end: number, h: Hunk, region: readonly Hunk[]): boolean {
  if (h.aStart < end && start < h.aEnd) return true;
  if (h.aStart === h.aEnd) {
    if (start < h.aStart && h.aStart < end) return true;
    return region.some((r) => r.aStart === r.aEnd && r.aStart === h.aStart);
  }
  return false;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, idx) => line === b[idx]);
}

function pushOk(chunks: MergeChunk[], lines: string[]): void {
  if (lines.length === 0) return;
  const last = chunks[chunks.length - 1];
  if (last && last.kind === 'ok') last.lines.push(...lines);
  else chunks.push({ kind: 'ok', lines: [...lines] });
}

function okResult(text: string): MergeResult {
  return { clean: true, chunks: text ? [{ kind: 'ok', lines: splitLines(text) }] : [], text, conflicts: 0 };
}

function resultOf(chunks: MergeChunk[]): MergeResult {
  let text = '';
  let conflicts = 0;
  for (const chunk of chunks) {
    if (chunk.kind === 'ok') {
      text += chunk.lines.join('');
    } else {
      conflicts++;
      text +=
        '<<<<<<< yours\n' +
        withNewline(chunk.mine.join('')) +
        '=======\n' +
        withNewline(chunk.theirs.join('')) +
        '>>>>>>> theirs\n';
    }
  }
  return { clean: conflicts === 0, chunks, text, conflicts };
}

function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text + '\n';
}
