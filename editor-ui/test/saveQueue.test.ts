import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from '../src/api/errors';
import { statusLabel } from '../src/ui/statusText';
import { flush, setup } from './saveQueueHarness';

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
    // Only changes are reported: the three keystrokes are one 'unsaved'.
    expect(statuses.map((s) => s.kind)).toEqual(['unsaved', 'saving', 'saved']);
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

});
