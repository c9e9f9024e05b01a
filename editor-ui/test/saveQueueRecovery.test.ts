import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../src/api/errors';
import type { Base } from '../src/sync/saveTypes';
import { flush, setup } from './saveQueueHarness';

describe('SaveQueue after a reload, a failure, offline and on conflicts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('after a reload, resends the save whose answer was lost with its key before the newer text', async () => {
    const onConflict = vi.fn();
    const { server, queue, editor } = setup({
      onConflict,
      resend: { content: 'start\nA', expectedVersion: 1, key: 'lost-key' },
    });
    // The lost save did land: version 2 holds its text.
    server.version = 2;
    server.content = 'start\nA';
    server.replies.set('lost-key', 2);
    editor.text = 'start\nAB';
    queue.saveNow();
    await flush();
    expect(server.calls.map((c) => [c.key, c.expectedVersion])).toEqual([
      ['lost-key', 1],
      ['key-1', 2],
    ]);
    expect(onConflict).not.toHaveBeenCalled();
    expect(server.content).toBe('start\nAB');
    expect(queue.status).toEqual({ kind: 'saved', version: 3 });
  });

  it('reports a failure with its reason and saves again on Retry', async () => {
    const { server, queue, type } = setup();
    server.failures = [new ApiError(413, { type: 'x', title: 'Payload too large', status: 413, detail: 'Content exceeds 10 MiB' })];
    type('x');
    queue.saveNow();
    await flush();
    expect(queue.status).toEqual({ kind: 'failed', reason: '413 Content exceeds 10 MiB' });
    queue.retry();
    await flush();
    expect(server.content).toBe('start\nx');
    expect(queue.status).toEqual({ kind: 'saved', version: 2 });
  });

  it('gives up on a server that keeps failing and says so', async () => {
    const { server, queue, type } = setup({ backoff: { baseMs: 100, maxMs: 1000, maxAttempts: 3 } });
    server.failures = Array.from({ length: 5 }, () => new ApiError(500, { type: 'x', title: 'Internal error', status: 500 }));
    type('x');
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls).toHaveLength(3);
    expect(queue.status).toEqual({ kind: 'failed', reason: '500 Internal error' });
  });

  it('waits while offline and saves once back online', async () => {
    let online = false;
    let goOnline: () => void = () => {};
    const { server, queue, type, statuses } = setup({
      isOnline: () => online,
      waitForOnline: () => new Promise<void>((resolve) => (goOnline = resolve)),
    });
    server.failures = [new NetworkError(new TypeError('Failed to fetch'))];
    type('offline edit');
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queue.status).toEqual({ kind: 'offline' });
    expect(server.calls).toHaveLength(1);
    online = true;
    goOnline();
    await flush();
    expect(server.content).toBe('start\noffline edit');
    expect(statuses.some((s) => s.kind === 'failed')).toBe(false);
  });

  it('merges with a version saved elsewhere and saves the merge against that version', async () => {
    const { server, queue, type, editor } = setup();
    server.saveByOther('other line\nstart\n');
    type('mine\n');
    queue.saveNow();
    await flush();
    expect(server.calls.map((c) => c.expectedVersion)).toEqual([1, 2]);
    expect(server.content).toBe('other line\nstart\nmine\n');
    expect(editor.text).toBe(server.content);
    expect(queue.status).toEqual({ kind: 'saved', version: 3 });
  });

  it('keeps the local text, unsaved, while the user resolves a conflict', async () => {
    let resolveConflict: (base: Base) => void = () => {};
    const conflicts: Array<[Base, number | null]> = [];
    const { server, queue, type, editor } = setup({
      onConflict: (base, currentVersion) => {
        conflicts.push([base, currentVersion]);
        return new Promise<Base>((resolve) => (resolveConflict = resolve));
      },
    });
    server.saveByOther('theirs\n');
    type('mine');
    queue.saveNow();
    await flush();
    expect(conflicts).toEqual([[{ version: 1, content: 'start\n' }, 2]]);
    queue.setConflictOpen(true);
    expect(queue.status).toEqual({ kind: 'conflict' });
    expect(editor.text).toBe('start\nmine');
    editor.text = 'resolved\n';
    resolveConflict({ version: server.version, content: server.content });
    await flush();
    expect(server.calls[1]).toMatchObject({ content: 'resolved\n', expectedVersion: 2 });
    expect(queue.status).toEqual({ kind: 'saved', version: 3 });
  });

  it('adopts a newer server version only when there are no local edits', async () => {
    const { queue, type, editor } = setup();
    const show = (text: string) => () => (editor.text = text);
    expect(queue.adoptServerVersion({ version: 5, content: 'new\n' }, show('new\n'))).toBe(true);
    expect(editor.text).toBe('new\n');
    expect(queue.status).toEqual({ kind: 'saved', version: 5 });
    type('x');
    expect(queue.adoptServerVersion({ version: 6, content: 'other\n' }, show('other\n'))).toBe(false);
    expect(editor.text).toBe('new\nx');
    expect(queue.knownBase).toEqual({ version: 5, content: 'new\n' });
  });
});

