import { vi } from 'vitest';
import { ApiError } from '../src/api/errors';
import { SaveQueue, type SaveQueueOptions } from '../src/sync/saveQueue';
import type { Base, SaveStatus } from '../src/sync/saveTypes';
import { merge3 } from '../src/sync/merge3';

/** A server holding one file, with the contract's version check and idempotency keys. */
export class FakeServer {
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

export function setup(overrides: Partial<SaveQueueOptions> = {}) {
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
export const flush = () => vi.advanceTimersByTimeAsync(0);
