import { describe, expect, it } from 'vitest';
import { describeUnresolved, findConflicts, hunkAt, resolveHunk, unresolvedCount } from '../src/sync/conflictMarkers';
import { merge3 } from '../src/sync/merge3';

const lines = (...ls: string[]) => ls.map((l) => l + '\n').join('');

const base = lines('one', 'two', 'three', 'four', 'five', 'six');
const mine = lines('one', 'two bob', 'three', 'four', 'five bob', 'six');
const theirs = lines('one', 'two alice', 'three', 'four', 'five alice', 'six');
const proposed = merge3(base, mine, theirs).text;

describe('findConflicts', () => {
  it('finds every block merge3 proposes, with both sides and its lines', () => {
    const scan = findConflicts(proposed);
    expect(scan.strayMarkerLines).toEqual([]);
    expect(scan.hunks).toEqual([
      { startLine: 2, separatorLine: 4, endLine: 6, mine: 'two bob\n', theirs: 'two alice\n' },
      { startLine: 9, separatorLine: 11, endLine: 13, mine: 'five bob\n', theirs: 'five alice\n' },
    ]);
    expect(unresolvedCount(scan)).toBe(2);
    expect(describeUnresolved(scan)).toBe('2 conflicts unresolved');
  });

  it('finds nothing in a resolved text, nor in a lone ======= line (a Markdown underline)', () => {
    const scan = findConflicts(lines('Title', '=======', '', 'text'));
    expect(scan).toEqual({ hunks: [], strayMarkerLines: [] });
    expect(describeUnresolved(scan)).toBe('All conflicts resolved');
  });

  it('reads git labels, CRLF lines, a diff3 base section and a block at the end without a newline', () => {
    const text = '<<<<<<< HEAD\r\nmine\r\n||||||| base\r\nold\r\n=======\r\ntheirs\r\n>>>>>>> feature';
    expect(findConflicts(text).hunks).toEqual([{ startLine: 1, separatorLine: 5, endLine: 7, mine: 'mine\r\n', theirs: 'theirs\r\n' }]);
  });

  it('reports leftover start and end markers by line when their block is incomplete', () => {
    const text = lines('a', '<<<<<<< yours', 'mine', 'b', '>>>>>>> theirs', 'c');
    const scan = findConflicts(text);
    expect(scan.hunks).toEqual([]);
    expect(scan.strayMarkerLines).toEqual([2, 5]);
    expect(unresolvedCount(scan)).toBe(2);
    expect(describeUnresolved(scan)).toBe('a leftover conflict marker on lines 2, 5');
  });

  it('does not take markers that only look alike (six or eight characters, text right after)', () => {
    expect(findConflicts(lines('<<<<<<', 'x', '======', 'y', '>>>>>>')).hunks).toEqual([]);
    expect(findConflicts(lines('<<<<<<<<', '=======', '>>>>>>>>')).strayMarkerLines).toEqual([]);
    expect(findConflicts(lines('<<<<<<<x', '=======', '>>>>>>>x')).strayMarkerLines).toEqual([]);
  });

  it('takes a new start marker before the end as the start of the real block', () => {
    const text = lines('<<<<<<< yours', 'stray', '<<<<<<< yours', 'm', '=======', 't', '>>>>>>> theirs');
    const scan = findConflicts(text);
    expect(scan.strayMarkerLines).toEqual([1]);
    expect(scan.hunks).toEqual([{ startLine: 3, separatorLine: 5, endLine: 7, mine: 'm\n', theirs: 't\n' }]);
  });
});

describe('resolveHunk', () => {
  it('keeps yours, theirs or both in place of a block, leaving the other block as it was', () => {
    const [first, second] = findConflicts(proposed).hunks;
    const oneLeft = resolveHunk(proposed, first, 'mine');
    expect(findConflicts(oneLeft).hunks).toHaveLength(1);
    const done = resolveHunk(oneLeft, findConflicts(oneLeft).hunks[0], 'theirs');
    expect(done).toBe(lines('one', 'two bob', 'three', 'four', 'five alice', 'six'));
    expect(resolveHunk(proposed, second, 'both')).toContain(lines('five bob', 'five alice', 'six'));
  });

  it('gives back one whole side byte for byte when every block takes that side', () => {
    let text = proposed;
    for (let scan = findConflicts(text); scan.hunks.length > 0; scan = findConflicts(text)) {
      text = resolveHunk(text, scan.hunks[0], 'mine');
    }
    expect(text).toBe(mine);
  });
});

describe('hunkAt', () => {
  it('finds the block a line is in, from its start marker to its end marker', () => {
    const { hunks } = findConflicts(proposed);
    expect(hunkAt(hunks, 1)).toBe(-1);
    expect(hunkAt(hunks, 2)).toBe(0);
    expect(hunkAt(hunks, 6)).toBe(0);
    expect(hunkAt(hunks, 7)).toBe(-1);
    expect(hunkAt(hunks, 13)).toBe(1);
  });
});
