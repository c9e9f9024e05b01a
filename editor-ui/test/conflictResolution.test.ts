import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../src/api/errors';
import { resolveConflict, type ConflictChoice, type ConflictTarget, type TheirVersion } from '../src/sync/conflictResolution';
import { SaveQueue } from '../src/sync/saveQueue';

const base = { version: 1, content: 'one\ntwo\nthree\n' };

/** A file whose save met a newer version `theirs`; the user's text is `mine`; `choose` plays the user. */
function conflict(mine: string, theirs: Partial<TheirVersion>, choose: (choice: ConflictChoice) => Promise<string> = async () => 'unused') {
  const editor = { text: mine };
  const notices: Array<string | null> = [];
  const conflictOpen: boolean[] = [];
  const server: TheirVersion = { version: 2, content: base.content, savedBy: 'bob', deleted: false, ...theirs };
  const target: ConflictTarget = {
    path: 'a.txt',
    fetchContent: vi.fn(async () => server),
    text: () => editor.text,
    showText: (text) => (editor.text = text),
    notify: (notice) => notices.push(notice),
    setConflictOpen: (open) => conflictOpen.push(open),
    choose: vi.fn(choose),
    sleep: async () => undefined,
  };
  return { editor, notices, conflictOpen, target };
}

describe('a save that met a newer version', () => {
  it('merges changes that do not overlap and says so', async () => {
    const { editor, notices, target } = conflict('ONE\ntwo\nthree\n', { content: 'one\ntwo\nTHREE\n' });

    const rebased = await resolveConflict(target, base, 2);

    expect(editor.text).toBe('ONE\ntwo\nTHREE\n');
    expect(rebased).toEqual({ version: 2, content: 'one\ntwo\nTHREE\n' });
    expect(notices).toEqual(['Merged your edits with v2 by bob.']);
    expect(target.choose).not.toHaveBeenCalled();
  });

  it('lets the user choose where the changes overlap, and keeps the choice', async () => {
    const { editor, notices, conflictOpen, target } = conflict('one\nmine\nthree\n', { content: 'one\ntheirs\nthree\n', version: 3 }, async (choice) => {
      expect(choice).toMatchObject({ mine: 'one\nmine\nthree\n', theirs: 'one\ntheirs\nthree\n', theirsLabel: 'bob (v3)', conflicts: 1 });
      expect(choice.merged).toContain('mine');
      expect(choice.merged).toContain('theirs');
      return 'one\nboth\nthree\n';
    });

    const rebased = await resolveConflict(target, base, 3);

    expect(conflictOpen).toEqual([true]);
    expect(editor.text).toBe('one\nboth\nthree\n');
    expect(rebased).toEqual({ version: 3, content: 'one\ntheirs\nthree\n' });
    expect(notices).toEqual([null]);
  });

  it('keeps what was typed while the conflict view was open', async () => {
    const { editor, target } = conflict('one\nmine\nthree\n', { content: 'one\ntheirs\nthree\n' }, async () => {
      editor.text = 'one\nmine\nthree\nfour\n';
      return 'one\nboth\nthree\n';
    });

    await resolveConflict(target, base, 2);

    expect(editor.text).toBe('one\nboth\nthree\nfour\n');
  });

  it('refuses to merge into a file deleted meanwhile, keeping the text', async () => {
    const { editor, target } = conflict('one\nmine\nthree\n', { deleted: true, version: 3 });

    await expect(resolveConflict(target, base, 3)).rejects.toThrow('a.txt was deleted by bob; your text is still here');
    expect(editor.text).toBe('one\nmine\nthree\n');
  });

  it('asks for at least the version that beat the save, and waits out a read model that is behind', async () => {
    const { target } = conflict('ONE\ntwo\nthree\n', { content: 'one\ntwo\nTHREE\n', version: 4 });
    const behind = new ApiError(503, { type: 'x/read-model-behind', title: 'Behind', status: 503 }, 10);
    const fetch = vi.fn().mockRejectedValueOnce(behind).mockResolvedValue({ version: 4, content: 'one\ntwo\nTHREE\n', savedBy: 'bob', deleted: false });
    target.fetchContent = fetch;

    await resolveConflict(target, base, null);

    expect(fetch.mock.calls).toEqual([[2], [2]]);
  });
});

describe('the save queue with conflict resolution', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the merge against the version that beat it, losing neither side', async () => {
    const server = { version: 2, content: 'one\ntwo\nTHREE\n' };
    const editor = { text: base.content };
    const sent: Array<{ content: string; expectedVersion: number }> = [];
    const { target } = conflict('', {});
    target.text = () => editor.text;
    target.showText = (text) => (editor.text = text);
    target.fetchContent = async () => ({ ...server, savedBy: 'bob', deleted: false });
    const queue = new SaveQueue({
      base,
      read: () => editor.text,
      save: async (content, expectedVersion) => {
        sent.push({ content, expectedVersion });
        if (expectedVersion !== server.version) {
          throw new ApiError(409, { type: 'x/version-conflict', title: 'Conflict', status: 409, currentVersion: server.version });
        }
        server.version++;
        server.content = content;
        return { version: server.version };
      },
      onConflict: (conflictBase, current) => resolveConflict(target, conflictBase, current),
      newKey: () => 'key',
    });

    editor.text = 'ONE\ntwo\nthree\n';
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(0);
    await queue.whenIdle();

    expect(sent).toEqual([
      { content: 'ONE\ntwo\nthree\n', expectedVersion: 1 },
      { content: 'ONE\ntwo\nTHREE\n', expectedVersion: 2 },
    ]);
    expect(server.content).toBe('ONE\ntwo\nTHREE\n');
    expect(queue.status).toEqual({ kind: 'saved', version: 3 });
  });
});
