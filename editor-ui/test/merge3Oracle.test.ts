import { describe, expect, it } from 'vitest';
import { diff3Merge } from 'node-diff3';
import { merge3 } from '../src/sync/merge3';
import { edited, seeded } from './seededEdits';

/** node-diff3's merge of the same three texts, with the markers merge3 writes. */
function libraryMerge(base: string, mine: string, theirs: string): { clean: boolean; text: string } {
  const out: string[] = [];
  let clean = true;
  for (const block of diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true })) {
    if (block.ok) {
      out.push(...block.ok);
    } else if (block.conflict) {
      clean = false;
      out.push('<<<<<<< yours', ...block.conflict.a, '=======', ...block.conflict.b, '>>>>>>> theirs');
    }
  }
  return { clean, text: out.join('\n') };
}

describe('merge3 against node-diff3', () => {
  it('merges to the same text wherever node-diff3 merges, and merges more: edits on neighbouring lines', () => {
    const next = seeded(5);
    let mergedOnlyHere = 0;
    for (let i = 0; i < 2000; i++) {
      const base = Array.from({ length: 40 }, (_, line) => `line ${line} ${next(1000)}`);
      const text = (lines: string[]) => lines.join('\n') + '\n';
      const [b, m, t] = [text(base), text(edited(base, next, 'mine')), text(edited(base, next, 'theirs'))];
      const ours = merge3(b, m, t);
      const library = libraryMerge(b, m, t);
      if (library.clean) expect({ clean: ours.clean, text: ours.text }, `merge ${i}`).toEqual(library);
      if (!ours.clean) expect(library.clean, `merge ${i}`).toBe(false);
      if (ours.clean && !library.clean) mergedOnlyHere++;
    }
    // The measurement in merge3.ts: 319 of 2,000 merge here and are a conflict in node-diff3.
    expect(mergedOnlyHere).toBe(319);
  });

  it("is what node-diff3 lacks: a change next to the other side's change is no conflict", () => {
    const base = 'one\ntwo\nthree\n';
    const mine = 'one\nTWO\nthree\n';
    const theirs = 'one\ntwo\nTHREE\n';
    expect(libraryMerge(base, mine, theirs).clean).toBe(false);
    expect(merge3(base, mine, theirs)).toMatchObject({ clean: true, text: 'one\nTWO\nTHREE\n' });
  });
});
