import { NetworkError, describeError } from '../api/errors';
import { isVersionConflict } from '../api/client';
import { defaultBackoff, retryDelay, type BackoffPolicy } from './backoff';
import type { Base, SaveStatus, SentSave } from './saveTypes';

/**
 * The save pipeline of one open file.
 *
 * - Autosave 500 ms after the last edit; every edit restarts the timer. `saveNow()` (Ctrl/Cmd+S) skips it.
 * - At most one save is in flight. Edits made meanwhile are sent after it, with the version it returned.
 * - A retried save resends the very same body with the same Idempotency-Key, so a save whose answer
 *   got lost is not applied twice; newer edits follow in the next save.
 * - 409: `onConflict` rebases the local text onto the server's version (automatic merge or the user's
 *   choice); the queue then saves the result against that version. Nothing typed is dropped.
 */

export interface SaveQueueOptions {
  base: Base;
  /** The text the user sees right now. */
  read(): string;
  save(content: string, expectedVersion: number, idempotencyKey: string): Promise<{ version: number }>;
  /**
   * Called on 409 with the base the failed save used and the server's current version (from the
   * problem document); resolves to the server version to rebase on.
   */
  onConflict(base: Base, currentVersion: number | null): Promise<Base>;
  onStatus?(status: SaveStatus): void;
  /** Called whenever the base changes (a save landed, a rebase happened). */
  onBase?(base: Base): void;
  debounceMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  isOnline?(): boolean;
  /** Resolves when the browser reports it is online again. */
  waitForOnline?(): Promise<void>;
  newKey?(): string;
  /**
   * A save that was in flight when the page went away (its answer unknown): sent again first, with
   * its key, so that if it did land it is not mistaken for someone else's version.
   */
  resend?: SentSave | null;
}

export class SaveQueue {
  private base: Base;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushRequested = false;
  private running = false;
  private failure: string | null = null;
  private conflictOpen = false;
  private currentStatus: SaveStatus;
  private readonly debounceMs: number;
  private idleWaiters: Array<() => void> = [];
  private settleWaiters: Array<() => void> = [];
  private disposed = false;
  private sending: SentSave | null = null;
  private resend: SentSave | null;

  constructor(private readonly options: SaveQueueOptions) {
    this.base = { ...options.base };
    this.debounceMs = options.debounceMs ?? 500;
    this.currentStatus = { kind: 'saved', version: this.base.version };
    this.resend = options.resend ?? null;
  }

  get status(): SaveStatus {
    return this.currentStatus;
  }

  get knownBase(): Base {
    return { ...this.base };
  }

  get dirty(): boolean {
    return this.options.read() !== this.base.content;
  }

  /** True while nothing is pending: no unsent edit, no save in flight, no timer. */
  get idle(): boolean {
    return !this.running && this.timer === null && !this.dirty;
  }

  /** Call on every local change of the text. */
  edit(): void {
    if (this.disposed) return;
    this.failure = null;
    this.restartTimer();
    if (!this.running && !this.conflictOpen) this.emit(this.dirty ? { kind: 'unsaved' } : this.savedStatus());
  }

  /** Ctrl/Cmd+S: save now (after the save in flight, if any). */
  saveNow(): void {
    if (this.disposed) return;
    this.clearTimer();
    this.failure = null;
    this.flushRequested = true;
    void this.run();
  }

  /** The Retry action of a failed save. */
  retry(): void {
    this.saveNow();
  }

  /**
   * The server moved on while the text here is unchanged (a live update): `showText` puts the server's
   * text in the editor and the queue adopts its version. Refused (returns false) when there are local
   * edits or a save is in flight; those go through the merge on the next save.
   */
  adoptServerVersion(base: Base, showText: () => void): boolean {
    if (this.running || this.dirty || this.timer !== null || this.conflictOpen) return false;
    showText();
    this.setBase(base);
    this.emit(this.savedStatus());
    return true;
  }

  /** Replace the base after an operation outside the queue (restore, move) that created a version. */
  rebase(base: Base): void {
    this.setBase(base);
    if (!this.running) this.emit(this.dirty ? { kind: 'unsaved' } : this.savedStatus());
  }

  setConflictOpen(open: boolean): void {
    this.conflictOpen = open;
    if (open) this.emit({ kind: 'conflict' });
  }

  /** True while a save (or its merge) is under way. */
  get busy(): boolean {
    return this.running;
  }

  /** The text of the save in flight, if any. */
  get inFlightContent(): string | null {
    return this.sending?.content ?? null;
  }

  /** The save in flight, if any, to keep with the unsaved text across a reload. */
  get inFlight(): SentSave | null {
    return this.sending ? { ...this.sending } : null;
  }

  /** Resolves when no save is in flight any more. */
  settled(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  /** Resolves once every edit made so far has been saved (or the queue has given up). */
  whenIdle(): Promise<void> {
    if (!this.running && !this.dirty) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private restartTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushRequested = true;
      void this.run();
    }, this.debounceMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.flushRequested && !this.disposed) {
        this.flushRequested = false;
        if (!this.dirty && this.resend === null) break;
        const outcome = await this.saveSnapshot();
        if (outcome === 'failed') break;
        // Edits made during that save: send them now, unless the user is still typing, in which
        // case the running timer will ask for the next save.
        if (this.dirty && this.timer === null) this.flushRequested = true;
      }
    } finally {
      this.running = false;
      if (!this.disposed) this.emitSettled();
    }
  }

  /** One save of the text as it is now, retried until it lands, conflicts, or fails for good. */
  private async saveSnapshot(): Promise<'saved' | 'rebased' | 'failed'> {
    const sent: SentSave = this.resend ?? {
      content: this.options.read(),
      expectedVersion: this.base.version,
      key: this.options.newKey ? this.options.newKey() : crypto.randomUUID(),
    };
    this.resend = null;
    const policy = this.options.backoff ?? defaultBackoff;
    this.sending = sent;
    this.emit({ kind: 'saving' });
    try {
      return await this.sendUntilDone(sent.content, sent.expectedVersion, sent.key, policy);
    } finally {
      this.sending = null;
    }
  }

  private async sendUntilDone(
    snapshot: string,
    expectedVersion: number,
    key: string,
    policy: BackoffPolicy,
  ): Promise<'saved' | 'rebased' | 'failed'> {
    let attempt = 0;
    for (;;) {
      try {
        const result = await this.options.save(snapshot, expectedVersion, key);
        this.setBase({ version: result.version, content: snapshot });
        return 'saved';
      } catch (error) {
        if (isVersionConflict(error)) {
          this.emit({ kind: 'merging' });
          let theirs: Base;
          try {
            const current = error.problem.currentVersion;
            theirs = await this.options.onConflict({ ...this.base }, typeof current === 'number' ? current : null);
          } catch (mergeError) {
            this.conflictOpen = false;
            this.failure = describeError(mergeError);
            return 'failed';
          }
          this.setBase(theirs);
          this.conflictOpen = false;
          if (this.dirty) this.flushRequested = true;
          return 'rebased';
        }
        if (error instanceof NetworkError && this.options.isOnline && !this.options.isOnline()) {
          this.emit({ kind: 'offline' });
          await (this.options.waitForOnline ? this.options.waitForOnline() : Promise.resolve());
          this.emit({ kind: 'saving' });
          continue;
        }
        attempt++;
        const delay = retryDelay(error, attempt, policy, this.options.random);
        if (delay === null) {
          this.failure = describeError(error);
          return 'failed';
        }
        this.emit({ kind: 'retrying', reason: describeError(error), attempt, delayMs: delay });
        await sleep(delay);
        this.emit({ kind: 'saving' });
      }
    }
  }

  private setBase(base: Base): void {
    this.base = { ...base };
    this.options.onBase?.({ ...base });
  }

  private savedStatus(): SaveStatus {
    return { kind: 'saved', version: this.base.version };
  }

  private emitSettled(): void {
    if (this.failure !== null) this.emit({ kind: 'failed', reason: this.failure });
    else if (this.conflictOpen) this.emit({ kind: 'conflict' });
    else if (this.dirty) this.emit({ kind: 'unsaved' });
    else this.emit(this.savedStatus());
    const settled = this.settleWaiters;
    this.settleWaiters = [];
    settled.forEach((resolve) => resolve());
    if (!this.dirty || this.failure !== null) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  private emit(status: SaveStatus): void {
    this.currentStatus = status;
    this.options.onStatus?.(status);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

