import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../src/api/errors';
import { SaveQueue, type Base, type SaveQueueOptions, type SaveStatus } from '../src/sync/saveQueue';
import { merge3 } from '../src/sync/merge3';
import { statusLabel } from '../src/ui/statusText';

/** A server holding one file, with the contract's version check and idempotency keys. */
class FakeServer {
  version = 1;
  content = 'start\n';
  calls: Array<{ content: string; expectedVersion: number; key: string }> = [];
  inFlight = 0;
  maxInFlight = 0;
  replies = new Map<string, number>();
  /** Errors to throw before the request reaches the file, one per call. */
  failures: unknown[] = [];
  /** When set, each call waits for release() before it answers. */
  gated = false;
  private gates: Array<() => void> = [];

  save = async (content: string, expectedVersion: number, key: string): Promise<{ version: number }> => {
    this.calls.push({ content, expectedVersion, key });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.gated) await new Promise<void>((resolve) => this.gates.push(resolve));
      const failure = this.failures.shift();
      if (failure) throw failure;
      const replay = this.replies.get(key);
      if (replay !== undefined) return { version: replay };
      if (content === this.content) return { version: this.version };
      if (expectedVersion !== this.version) {
        throw new ApiError(409, {
          type: 'https://velocity.dev/problems/version-conflict',
          title: 'Version conflict',
          status: 409,
          currentVersion: this.version,
        });
      }
      this.version++;
      this.content = content;
      this.replies.set(key, this.version);
      return { version: this.version };
    } finally {
      this.inFlight--;
    }
  };

  /** Another user's save. */
  saveByOther(content: string): void {
    this.version++;
    this.content = content;
  }

  release(): void {
    this.gates.shift()?.();
  }
}

function setup(overrides: Partial<SaveQueueOptions> = {}) {
  let keyCounter = 0;
  const server = new FakeServer();
  const editor = { text: server.content };
  const statuses: SaveStatus[] = [];
  const queue = new SaveQueue({
    base: { version: server.version, content: server.content },
    read: () => editor.text,
    save: server.save,
    onConflict: async (base: Base) => {
      const merged = merge3(base.content, editor.text, server.content);
      if (!merged.clean) throw new Error('unexpected conflict in test');
      editor.text = merged.text;
      return { version: server.version, content: server.content };
    },
    onStatus: (status) => statuses.push(status),
    newKey: () => `key-${++keyCounter}`,
    random: () => 0.5,
    ...overrides,
  });
  const type = (text: string) => {
    editor.text += text;
    queue.edit();
  };
  return { server, editor, queue, statuses, type };
}

/** Lets promise callbacks run without moving the clock. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('SaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves 500 ms after the last keystroke, each keystroke restarting the wait', async () => {
    const { server, queue, type, statuses } = setup();
    type('a');
    expect(queue.status).toEqual({ kind: 'unsaved' });
    await vi.advanceTimersByTimeAsync(400);
    type('b');
    await vi.advanceTimersByTimeAsync(400);
    type('c');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toEqual([{ content: 'start\nabc', expectedVersion: 1, key: 'key-1' }]);
    expect(server.content).toBe('start\nabc');
    expect(queue.status).toEqual({ kind: 'saved', version: 2 });
    expect(statuses.map((s) => s.kind)).toEqual(['unsaved', 'unsaved', 'unsaved', 'saving', 'saved']);
  });

  it('saves at once on Ctrl+S without waiting for the timer', async () => {
    const { server, queue, type } = setup();
    type('x');
    queue.saveNow();
    await flush();
    expect(server.calls).toHaveLength(1);
    expect(server.content).toBe('start\nx');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(1);
  });

  it('does not save text that equals the server version', async () => {
    const { server, queue, type, editor } = setup();
    type('x');
    editor.text = 'start\n';
    queue.edit();
    await vi.advanceTimersByTimeAsync(600);
    expect(server.calls).toHaveLength(0);
    expect(queue.status).toEqual({ kind: 'saved', version: 1 });
  });

  it('keeps one save in flight and sends edits made meanwhile with the version it returned', async () => {
    const { server, queue, type, editor } = setup();
    server.gated = true;
    type('one');
    queue.saveNow();
    await flush();
    expect(queue.status).toEqual({ kind: 'saving' });
    expect(queue.inFlightContent).toBe('start\none');
    type(' two');
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(2000);
    type(' three');
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.calls).toHaveLength(1);
    server.release();
    await flush();
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ content: 'start\none two three', expectedVersion: 2 });
    server.release();
    await flush();
    expect(server.maxInFlight).toBe(1);
    expect(server.content).toBe(editor.text);
    expect(queue.inFlightContent).toBeNull();
    expect(queue.status).toEqual({ kind: 'saved', version: 3 });
  });

  it('never reuses a stale version during rapid typing with saves in between', async () => {
    const { server, queue, type, editor } = setup();
    for (let i = 0; i < 200; i++) {
      type(String.fromCharCode(97 + (i % 26)));
      if (i === 77) queue.saveNow();
      await vi.advanceTimersByTimeAsync(i % 50 === 49 ? 700 : 30);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.content).toBe(editor.text);
    server.calls.forEach((call, idx) => expect(call.expectedVersion).toBe(idx + 1));
    expect(server.version).toBe(server.calls.length + 1);
    expect(server.maxInFlight).toBe(1);
  });

  it('retries network errors and 5xx with the same body and key, then reports saved', async () => {
    const { server, queue, type, statuses } = setup({ isOnline: () => true });
    server.failures = [new NetworkError(new TypeError('Failed to fetch')), new ApiError(503, { type: 'x', title: 'Unavailable', status: 503 })];
    type('x');
    queue.saveNow();
    await flush();
    expect(queue.status).toMatchObject({ kind: 'retrying', attempt: 1 });
    type('y');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.calls.map((c) => c.key)).toEqual(['key-1', 'key-1', 'key-1', 'key-2']);
    expect(server.calls.slice(0, 3).every((c) => c.content === 'start\nx')).toBe(true);
    expect(server.content).toBe('start\nxy');
    expect(statuses.some((s) => s.kind === 'failed')).toBe(false);
    expect(queue.status).toEqual({ kind: 'saved', version: 3 });
  });

  it('waits for Retry-After on 429', async () => {
    const { server, queue, type } = setup();
    server.failures = [new ApiError(429, { type: 'x', title: 'Too many requests', status: 429 }, 5000)];
    type('x');
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(4999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
    expect(server.content).toBe('start\nx');
  });

  it('shows a 429 as retrying, never as failed, however long the server asks it to wait', async () => {
    const { server, queue, type, statuses } = setup({ backoff: { baseMs: 100, maxMs: 1000, maxAttempts: 3 } });
    const tooMany = () => new ApiError(429, { type: 'x', title: 'Too many requests', status: 429 }, 2000);
    server.failures = Array.from({ length: 5 }, tooMany);
    type('x');
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(1);
    expect(queue.status).toMatchObject({ kind: 'retrying', attempt: 1, delayMs: 2000, reason: 'the server asked to slow down' });
    expect(statusLabel(queue.status)).toBe('↻ Saving… retry 1 in 2 s (the server asked to slow down)');
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4 * 2000);
    expect(server.calls).toHaveLength(6);
    expect(statuses.filter((s) => s.kind === 'retrying')).toHaveLength(5);
    expect(statuses.some((s) => s.kind === 'failed')).toBe(false);
    expect(server.content).toBe('start\nx');
    expect(queue.status).toEqual({ kind: 'saved', version: 2 });
  });

  it('treats a resent save whose first answer was lost as done, without a second version', async () => {
    const { server, queue, type } = setup({ isOnline: () => true });
    // The server stores the save, but the answer never arrives.
    const realSave = server.save;
    let lose = true;
    server.save = async (content, expected, key) => {
      const result = await realSave(content, expected, key);
      if (lose) {
        lose = false;
        throw new NetworkError(new TypeError('connection reset'));
      }
      return result;
    };
    type('x');
    queue.saveNow();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.version).toBe(2);
    expect(queue.status).toEqual({ kind: 'saved', version: 2 });
  });

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
