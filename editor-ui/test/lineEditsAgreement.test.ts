import { describe, expect, it } from 'vitest';
import serverEdits from './fixtures/server-line-edits.json';
import { applyEdits, lineEdits, linesOf, type LineEdit } from '../src/sync/lineEdits';

interface ServerPair {
  name: string;
  base: string;
  target: string;
  edits: LineEdit[];
}

/** Written by history-core's ServerLineEditsFixtureTest: the server's edits (java-diff-utils) for seeded pairs. */
const fixture: { pairs: ServerPair[] } = serverEdits;

describe('the editor diffs lines as the server does', () => {
  it('has the server edits of every kind of pair to compare with', () => {
    const kinds = new Set(fixture.pairs.map((p) => p.name.replace(/-\d+$/, '')));
    expect([...kinds].sort()).toEqual(['blocks', 'edge', 'prose', 'unique']);
    expect(fixture.pairs.length).toBeGreaterThanOrEqual(100);
  });

  it.each(fixture.pairs.map((p) => [p.name, p] as const))('%s: the same edits as the server', (_, pair) => {
    const edits = lineEdits(pair.base, pair.target);
    expect(edits).toEqual(pair.edits);
    expect(applyEdits(linesOf(pair.base), edits).join('\n')).toBe(pair.target);
  });
});
