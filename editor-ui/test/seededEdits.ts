/** Seeded texts and edits for the tests that compare the editor's diff and merge with other implementations. */

/** A small linear congruential generator: the same seed gives the same sequence on every run. */
export function seeded(seed: number): (bound: number) => number {
  let state = seed;
  return (bound) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((state / 0x80000000) * bound);
  };
}

/** One to three edits of a line (typing in it, deleting it, inserting a line before it), as between two saves. */
export function edited(lines: readonly string[], next: (bound: number) => number, tag: string): string[] {
  const out = [...lines];
  for (let n = next(3); n >= 0; n--) {
    const at = next(out.length);
    const kind = next(3);
    if (kind === 0) out[at] = `${out[at]} ${tag}${next(100)}`;
    else if (kind === 1) out.splice(at, 1);
    else out.splice(at, 0, `${tag} inserted ${next(100)}`);
  }
  return out;
}
