import { NetworkError, describeError } from '../api/errors';
import { isVersionConflict } from '../api/client';
import { defaultBackoff, retryDelay, type BackoffPolicy } from './backoff';
import { inFlight, statusOf, transition, type SaveEffect, type SaveEvent, type SaveState, type Step } from './saveMachine';
import type { Base, SaveStatus, SentSave } from './saveTypes';

/**
 * The save pipeline of one open file: the state machine of `saveMachine.ts`, and the timers and requests it asks for.
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
  private state: SaveState;
  private base: Base;
  private currentStatus: SaveStatus;
  /** The autosave timer: armed and stopped only as the state machine says. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Callers waiting for the state to come to rest (`settled`, `whenIdle`). */
  private waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];

  constructor(private readonly options: SaveQueueOptions) {
    this.base = { ...options.base };
    this.state = { kind: 'idle', resend: options.resend ?? null };
    this.currentStatus = { kind: 'saved', version: this.base.version };
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

  /** True while a save (or its merge) is under way. */
  get busy(): boolean {
    return inFlight(this.state);
  }

  /** The text of the save in flight, if any. */
  get inFlightContent(): string | null {
    return inFlight(this.state) ? this.state.sent.content : null;
  }

  /** The save in flight, if any, to keep with the unsaved text across a reload. */
  get inFlight(): SentSave | null {
    return inFlight(this.state) ? { ...this.state.sent } : null;
  }

  /** Call on every local change of the text. */
  edit(): void {
    this.dispatch({ type: 'edit' });
  }

  /** Ctrl/Cmd+S: save now (after the save in flight, if any). */
  saveNow(): void {
    this.dispatch({ type: 'save' });
  }

  /** The Retry action of a failed save. */
  retry(): void {
    this.saveNow();
  }

  /**
   * The server moved on while the text here is unchanged (a live update): `showText` puts the server's
   * text in the editor and the queue adopts its version. Refused (returns false) when there are local
   * edits, a timer or a save under way; those go through the merge on the next save.
   */
  adoptServerVersion(base: Base, showText: () => void): boolean {
    if (this.state.kind !== 'idle' || this.dirty) return false;
    showText();
    this.setBase(base);
    this.emit(statusOf(this.state, this.dirty, this.base.version));
    return true;
  }

  /** Replace the base after an operation outside the queue (restore, move) that created a version. */
  rebase(base: Base): void {
    this.setBase(base);
    if (!inFlight(this.state)) this.emit(statusOf(this.state, this.dirty, this.base.version));
  }

  /** The conflict view is open (or closed) for this file's merge. */
  setConflictOpen(open: boolean): void {
    this.dispatch({ type: 'conflictOpen', open });
  }

  /** Resolves when no save is in flight any more. */
  settled(): Promise<void> {
    return this.waitFor(() => !inFlight(this.state));
  }

  /** Resolves once every edit made so far has been saved (or the queue has given up). */
  whenIdle(): Promise<void> {
    return this.waitFor(() => this.state.kind === 'failed' || this.state.kind === 'disposed' || (!inFlight(this.state) && !this.dirty));
  }

  dispose(): void {
    this.dispatch({ type: 'dispose' });
  }

  private dispatch(event: SaveEvent): void {
    const step: Step = transition(this.state, event, {
      dirty: this.dirty,
      snapshot: () => ({
        content: this.options.read(),
        expectedVersion: this.base.version,
        key: this.options.newKey ? this.options.newKey() : crypto.randomUUID(),
      }),
    });
    this.state = step.state;
    if (step.timer === 'restart') this.restartTimer();
    else if (step.timer === 'stop') this.stopTimer();
    if (this.state.kind !== 'disposed') this.emit(statusOf(this.state, this.dirty, this.base.version));
    if (step.effect) void this.run(step.effect);
    this.wakeWaiters();
  }

  /** Runs what a transition asked for; its outcome comes back as the next event. */
  private async run(effect: SaveEffect): Promise<void> {
    const state = this.state;
    if (!inFlight(state)) return;
    switch (effect) {
      case 'send':
        return this.send(state.sent, state.kind === 'sending' ? state.attempt : 0);
      case 'backoff':
        await sleep(state.kind === 'retrying' ? state.delayMs : 0);
        return this.dispatch({ type: 'retryDue' });
      case 'waitForOnline':
        await (this.options.waitForOnline ? this.options.waitForOnline() : Promise.resolve());
        return this.dispatch({ type: 'backOnline' });
      case 'resolveConflict':
        return this.resolveConflict(state.kind === 'merging' ? state.currentVersion : null);
    }
  }

  private async send(sent: SentSave, attempt: number): Promise<void> {
    try {
      const result = await this.options.save(sent.content, sent.expectedVersion, sent.key);
      if (this.state.kind === 'disposed') return;
      this.setBase({ version: result.version, content: sent.content });
      this.dispatch({ type: 'saved' });
    } catch (error) {
      if (isVersionConflict(error)) {
        const current = error.problem.currentVersion;
        return this.dispatch({ type: 'conflict', currentVersion: typeof current === 'number' ? current : null });
      }
      if (error instanceof NetworkError && this.options.isOnline && !this.options.isOnline()) {
        return this.dispatch({ type: 'wentOffline' });
      }
      const delay = retryDelay(error, attempt + 1, this.options.backoff ?? defaultBackoff, this.options.random);
      if (delay === null) return this.dispatch({ type: 'failed', reason: describeError(error) });
      this.dispatch({ type: 'retryLater', reason: describeError(error), delayMs: delay });
    }
  }

  private async resolveConflict(currentVersion: number | null): Promise<void> {
    try {
      const theirs = await this.options.onConflict({ ...this.base }, currentVersion);
      if (this.state.kind === 'disposed') return;
      this.setBase(theirs);
      this.dispatch({ type: 'rebased' });
    } catch (mergeError) {
      this.dispatch({ type: 'failed', reason: describeError(mergeError) });
    }
  }

  private setBase(base: Base): void {
    this.base = { ...base };
    this.options.onBase?.({ ...base });
  }

  private restartTimer(): void {
    this.stopTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dispatch({ type: 'timerFired' });
    }, this.options.debounceMs ?? 500);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private waitFor(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  private wakeWaiters(): void {
    const ready = this.waiters.filter((w) => w.ready());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    ready.forEach((w) => w.resolve());
  }

  /** Emits only a change: a status equal to the shown one tells nobody anything. */
  private emit(status: SaveStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.currentStatus)) return;
    this.currentStatus = status;
    this.options.onStatus?.(status);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
