import { describe, expect, it } from 'vitest';
import { merge3 } from '../src/sync/merge3';
import { diffLines, splitLines } from '../src/sync/lineDiff';

const lines = (...ls: string[]) => ls.map((l) => l + '\n').join('');

describe('diffLines', () => {
  it('finds the changed lines between two texts', () => {
    const a = splitLines(lines('a', 'b', 'c', 'd'));
    const b = splitLines(lines('a', 'x', 'c', 'd', 'e'));
    expect(diffLines(a, b)).toEqual([
      { aStart: 1, aEnd: 2, bStart: 1, bEnd: 2 },
      { aStart: 4, aEnd: 4, bStart: 4, bEnd: 5 },
    ]);
  });

  it('finds interleaved changes in the middle of the text', () => {
    const a = splitLines(lines('1', 'a', 'b', 'c', 'd', 'e', '2'));
    const b = splitLines(lines('1', 'b', 'x', 'd', 'y', '2'));
    const hunks = diffLines(a, b);
    // Applying the hunks to a gives b.
    const out: string[] = [];
    let pos = 0;
    for (const h of hunks) {
      out.push(...a.slice(pos, h.aStart), ...b.slice(h.bStart, h.bEnd));
      pos = h.aEnd;
    }
    out.push(...a.slice(pos));
    expect(out.join('')).toBe(b.join(''));
  });
});

describe('merge3', () => {
  const base = lines('one', 'two', 'three', 'four', 'five', 'six');

  it('merges edits to lines far apart', () => {
    const mine = lines('ONE', 'two', 'three', 'four', 'five', 'six');
    const theirs = lines('one', 'two', 'three', 'four', 'five', 'SIX');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(lines('ONE', 'two', 'three', 'four', 'five', 'SIX'));
  });

  it('merges edits to adjacent lines, each side keeping its own line', () => {
    const mine = lines('one', 'two', 'THREE', 'four', 'five', 'six');
    const theirs = lines('one', 'two', 'three', 'FOUR', 'five', 'six');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(lines('one', 'two', 'THREE', 'FOUR', 'five', 'six'));
  });

  it('reports overlapping edits of the same line as a conflict holding both versions', () => {
    const mine = lines('one', 'two', 'mine', 'four', 'five', 'six');
    const theirs = lines('one', 'two', 'theirs', 'four', 'five', 'six');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(false);
    expect(result.conflicts).toBe(1);
    expect(result.chunks).toEqual([
      { kind: 'ok', lines: ['one\n', 'two\n'] },
      { kind: 'conflict', base: ['three\n'], mine: ['mine\n'], theirs: ['theirs\n'] },
      { kind: 'ok', lines: ['four\n', 'five\n', 'six\n'] },
    ]);
    expect(result.text).toBe(
      lines('one', 'two', '<<<<<<< yours', 'mine', '=======', 'theirs', '>>>>>>> theirs', 'four', 'five', 'six'),
    );
  });

  it('reports overlapping multi-line edits that only partly overlap as one conflict', () => {
    const mine = lines('one', 'TWO', 'THREE', 'four', 'five', 'six');
    const theirs = lines('one', 'two', '3', '4', 'five', 'six');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(false);
    expect(result.chunks[1]).toEqual({
      kind: 'conflict',
      base: ['two\n', 'three\n', 'four\n'],
      mine: ['TWO\n', 'THREE\n', 'four\n'],
      theirs: ['two\n', '3\n', '4\n'],
    });
  });

  it('reports different insertions at the same point as a conflict', () => {
    const mine = lines('one', 'two', 'mine inserted', 'three', 'four', 'five', 'six');
    const theirs = lines('one', 'two', 'theirs inserted', 'three', 'four', 'five', 'six');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(false);
    expect(result.chunks[1]).toEqual({
      kind: 'conflict',
      base: [],
      mine: ['mine inserted\n'],
      theirs: ['theirs inserted\n'],
    });
  });

  it('takes an identical insertion at the same point once', () => {
    const both = lines('one', 'two', 'same', 'three', 'four', 'five', 'six');
    const mine = both.replace('six', 'SIX');
    const result = merge3(base, mine, both);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(mine);
  });

  it('reports deleting a line the other side edited as a conflict', () => {
    const mine = lines('one', 'two', 'four', 'five', 'six');
    const theirs = lines('one', 'two', 'three edited', 'four', 'five', 'six');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(false);
    expect(result.chunks[1]).toEqual({
      kind: 'conflict',
      base: ['three\n'],
      mine: [],
      theirs: ['three edited\n'],
    });
  });

  it('merges a deletion with an edit elsewhere', () => {
    const mine = lines('one', 'two', 'four', 'five', 'six');
    const theirs = lines('one', 'two', 'three', 'four', 'five', 'six edited');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(lines('one', 'two', 'four', 'five', 'six edited'));
  });

  it('merges an insertion on one side with changes around it on the other', () => {
    const mine = lines('one', 'two', 'inserted', 'three', 'four', 'five', 'six');
    const theirs = lines('ONE', 'two', 'three', 'four', 'FIVE', 'six');
    const result = merge3(base, mine, theirs);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(lines('ONE', 'two', 'inserted', 'three', 'four', 'FIVE', 'six'));
  });

  it('keeps both sides intact when the same line was changed the same way', () => {
    const same = lines('one', 'two', 'THREE', 'four', 'five', 'six');
    const result = merge3(base, same + 'mine\n', same);
    expect(result.clean).toBe(true);
    expect(result.text).toBe(same + 'mine\n');
  });

  it('merges into an empty base and keeps text without a final newline', () => {
    expect(merge3('', 'a', '')).toMatchObject({ clean: true, text: 'a' });
    const result = merge3('x\ny\nz', 'X\ny\nz', 'x\ny\nz!');
    expect(result).toMatchObject({ clean: true, text: 'X\ny\nz!' });
  });
});
