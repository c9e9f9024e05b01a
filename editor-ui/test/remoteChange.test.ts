import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FileChangedEvent } from '../src/api/client';
import { applyRemoteChange, missedChanges, sha256Hex, type RemoteChangeTarget } from '../src/sync/remoteChange';
import { SaveQueue } from '../src/sync/saveQueue';
import { smallestEdit } from '../src/sync/textEdit';

/** One open file at v1 "start\n": its editor text, its queue, and a server that may answer newer versions. */
function openFile() {
  const editor = { text: 'start\n' };
  const server = { version: 1, content: 'start\n', savedBy: 'alice', gate: null as Promise<void> | null };
  const notices: Array<string | null> = [];
  const queue = new SaveQueue({
    base: { version: 1, content: 'start\n' },
    read: () => editor.text,
    save: async (content) => {
      if (server.gate) await server.gate;
      server.version++;
      server.content = content;
      return { version: server.version };
    },
    onConflict: async () => ({ version: server.version, content: server.content }),
    newKey: () => 'key',
  });
  const fetchContent = vi.fn(async (minVersion: number) => {
    if (server.version < minVersion) throw new Error('behind');
    return { version: server.version, content: server.content, savedBy: server.savedBy };
  });
  const target: RemoteChangeTarget = {
    path: 'a.txt',
    queue,
    fetchContent,
    showText: (text) => (editor.text = text),
    notify: (notice) => notices.push(notice),
    hash: sha256Hex,
  };
  const saveElsewhere = (content: string, by = 'bob'): FileChangedEvent => {
    server.version++;
    server.content = content;
    server.savedBy = by;
    return { path: 'a.txt', fileId: 'f', version: server.version, kind: 'SAVED', contentHash: '', by, at: '' };
  };
  const type = (text: string) => {
    editor.text += text;
    queue.edit();
  };
  return { editor, server, queue, notices, target, fetchContent, saveElsewhere, type };
}

describe('a change made elsewhere to an open file', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('replaces unedited text with the new version, which becomes the base of the next save', async () => {
    const { editor, queue, notices, target, saveElsewhere } = openFile();

    await applyRemoteChange(saveElsewhere('from bob\n'), target);

    expect(editor.text).toBe('from bob\n');
    expect(queue.knownBase).toEqual({ version: 2, content: 'from bob\n' });
    expect(queue.status).toEqual({ kind: 'saved', version: 2 });
    expect(notices).toEqual([null]);
  });

  it('leaves edited text alone and says it will be merged on save', async () => {
    const { editor, queue, notices, target, saveElsewhere, type } = openFile();
    type('mine\n');

    await applyRemoteChange(saveElsewhere('from bob\n'), target);

    expect(editor.text).toBe('start\nmine\n');
    expect(queue.knownBase.version).toBe(1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('bob saved v2 of a.txt while you were editing');
    expect(notices[0]).toContain('merged with it when they are saved');
  });

  it('ignores the event of our own save that arrives before its answer', async () => {
    const { queue, server, notices, target, fetchContent, type } = openFile();
    let release: () => void = () => {};
    server.gate = new Promise((resolve) => (release = resolve));
    type('mine\n');
    queue.saveNow();
    const ownEvent: FileChangedEvent = {
      path: 'a.txt', fileId: 'f', version: 2, kind: 'SAVED', contentHash: (await sha256Hex('start\nmine\n'))!, by: 'alice', at: '',
    };

    await applyRemoteChange(ownEvent, target);
    release();
    await vi.advanceTimersByTimeAsync(0);

    expect(notices).toEqual([]);
    expect(fetchContent).not.toHaveBeenCalled();
    expect(queue.knownBase).toEqual({ version: 2, content: 'start\nmine\n' });
  });

  it("tells the user when someone else's save lands while ours is on its way", async () => {
    const { queue, server, notices, target, fetchContent, type } = openFile();
    server.gate = new Promise(() => {});
    type('mine\n');
    queue.saveNow();
    const theirs: FileChangedEvent = {
      path: 'a.txt', fileId: 'f', version: 2, kind: 'SAVED', contentHash: (await sha256Hex('other\n'))!, by: 'bob', at: '',
    };

    await applyRemoteChange(theirs, target);

    expect(notices).toEqual(['bob saved v2 of a.txt while you were editing. Your edits are being merged with it.']);
    expect(fetchContent).not.toHaveBeenCalled();
  });

  it('keeps the text in the tab when the file is deleted elsewhere', async () => {
    const { editor, notices, target } = openFile();

    await applyRemoteChange({ path: 'a.txt', fileId: 'f', version: 2, kind: 'DELETED', contentHash: '', by: 'bob', at: '' }, target);

    expect(editor.text).toBe('start\n');
    expect(notices[0]).toContain('bob deleted a.txt. Your text stays in this tab');
  });

  it('ignores a change it already has, and one whose content cannot be read yet', async () => {
    const { editor, queue, notices, target, fetchContent } = openFile();

    await applyRemoteChange({ path: 'a.txt', fileId: 'f', version: 1, kind: 'SAVED', contentHash: '', by: 'bob', at: '' }, target);
    expect(fetchContent).not.toHaveBeenCalled();
    await applyRemoteChange({ path: 'a.txt', fileId: 'f', version: 3, kind: 'SAVED', contentHash: '', by: 'bob', at: '' }, target);

    expect(editor.text).toBe('start\n');
    expect(queue.knownBase.version).toBe(1);
    expect(notices).toEqual([]);
  });
});

describe('after a reconnect', () => {
  it('finds the open files the server now holds at a newer version', () => {
    const summary = (path: string, version: number) => ({ path, fileId: path, version, contentHash: 'h', updatedBy: 'bob', updatedAt: 't' });
    const open = [
      { path: 'newer.txt', knownVersion: 2 },
      { path: 'same.txt', knownVersion: 4 },
      { path: 'not-loaded.txt', knownVersion: null },
      { path: 'gone.txt', knownVersion: 1 },
    ];

    const missed = missedChanges(open, [summary('newer.txt', 5), summary('same.txt', 4), summary('not-loaded.txt', 9), summary('other.txt', 3)]);

    expect(missed).toEqual([{ path: 'newer.txt', fileId: 'newer.txt', version: 5, kind: 'SAVED', contentHash: 'h', by: 'bob', at: 't' }]);
  });
});

describe('putting a new text in the editor', () => {
  it('replaces only what changed, so a cursor elsewhere stays put', () => {
    expect(smallestEdit('line 1\nline 2\nline 3\n', 'line 1\nline two\nline 3\n')).toEqual({ start: 12, end: 13, text: 'two' });
    expect(smallestEdit('abc', 'abc')).toBeNull();
    expect(smallestEdit('aaa', 'aaaa')).toEqual({ start: 3, end: 3, text: 'a' });
  });
});
