import { describe, expect, it } from 'vitest';
import { merge3 } from '../src/sync/merge3';

const lines = (...ls: string[]) => ls.map((l) => l + '\n').join('');

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
      { kind: 'ok', lines: ['one', 'two'] },
      { kind: 'conflict', base: ['three'], mine: ['mine'], theirs: ['theirs'] },
      { kind: 'ok', lines: ['four', 'five', 'six', ''] },
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
      base: ['two', 'three', 'four'],
      mine: ['TWO', 'THREE', 'four'],
      theirs: ['two', '3', '4'],
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
      mine: ['mine inserted'],
      theirs: ['theirs inserted'],
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
      base: ['three'],
      mine: [],
      theirs: ['three edited'],
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

  it('merges an insertion next to a line the other side changed, before it or after it', () => {
    const inserted = lines('one', 'two', 'inserted', 'three', 'four', 'five', 'six');
    const changed = lines('one', 'two', 'THREE', 'four', 'five', 'six');
    expect(merge3(base, inserted, changed)).toMatchObject({ clean: true, text: lines('one', 'two', 'inserted', 'THREE', 'four', 'five', 'six') });
    const after = lines('one', 'two', 'three', 'after', 'four', 'five', 'six');
    expect(merge3(base, changed, after)).toMatchObject({ clean: true, text: lines('one', 'two', 'THREE', 'after', 'four', 'five', 'six') });
  });

  it('merges a removed final newline with an edit of the last line', () => {
    expect(merge3('a\nb\n', 'a\nb', 'a\nB\n')).toMatchObject({ clean: true, text: 'a\nB' });
  });

  it('merges into an empty base and keeps text without a final newline', () => {
    expect(merge3('', 'a', '')).toMatchObject({ clean: true, text: 'a' });
    const result = merge3('x\ny\nz', 'X\ny\nz', 'x\ny\nz!');
    expect(result).toMatchObject({ clean: true, text: 'X\ny\nz!' });
  });
});
