import { describe, expect, it } from 'vitest';
import type { FileSummary } from '../src/api/client';
import { FileList } from '../src/app/fileList';

const file = (fileId: string, path: string, version: number): FileSummary => ({
  path, fileId, version, contentHash: 'h', sizeBytes: 1, fileType: null, updatedAt: '', updatedBy: 'alice',
});

describe('FileList', () => {
  it('shows a move, a delete and a new file before the server list has caught up', () => {
    let now = 0;
    const list = new FileList(() => now);
    list.setServerList([file('a', 'src/old.js', 1), file('b', 'gone.txt', 3)]);
    list.noteChange('a', 'lib/new.js', 2, false);
    list.noteChange('b', 'gone.txt', 4, true);
    list.noteChange('c', 'fresh.md', 1, false);
    expect(list.files().map((f) => `${f.path}@${f.version}`)).toEqual(['fresh.md@1', 'lib/new.js@2']);
    expect(list.deletedVersion('gone.txt')).toBe(4);

    // The server catches up: its list wins again.
    list.setServerList([file('c', 'fresh.md', 1), file('a', 'lib/new.js', 2)]);
    expect(list.files().map((f) => `${f.path}@${f.version}`)).toEqual(['fresh.md@1', 'lib/new.js@2']);
    list.setServerList([file('c', 'fresh.md', 5), file('a', 'lib/new.js', 2)]);
    expect(list.files().map((f) => f.version)).toEqual([5, 2]);
  });

  it('ignores an older change and forgets corrections the server never confirms', () => {
    let now = 0;
    const list = new FileList(() => now);
    list.setServerList([file('a', 'a.txt', 5)]);
    list.noteChange('a', 'a.txt', 4, true);
    expect(list.files().map((f) => f.path)).toEqual(['a.txt']);
    list.noteChange('x', 'phantom.txt', 1, false);
    expect(list.files().map((f) => f.path)).toEqual(['a.txt', 'phantom.txt']);
    now = 60_000;
    expect(list.files().map((f) => f.path)).toEqual(['a.txt']);
  });
});
