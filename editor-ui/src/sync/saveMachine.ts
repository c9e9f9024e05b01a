import type { SaveStatus, SentSave } from './saveTypes';

/**
 * The states of one file's save pipeline and every transition between them, with no timer, request or DOM in it:
 * `SaveQueue` runs the effects a transition asks for and feeds their outcomes back as events.
 *
 *   idle ──edit──▶ waiting ──timer / save──▶ sending ──saved──▶ idle | waiting | sending (edits made meanwhile)
 *                                              │ ▲
 *            retrying ◀──retryable error───────┤ └──retry due / back online── retrying | offline
 *            offline ◀───no answer, offline────┤
 *            merging ◀───409──────────────────┘──▶ (resolved) idle | waiting | sending,  (gave up) failed
 *   failed ──edit / save──▶ waiting | sending;   any ──dispose──▶ disposed
 */

/** What follows the save under way: nothing, the autosave timer (the user typed meanwhile), or another save at once. */
export type Then = 'nothing' | 'timer' | 'save';

export type SaveState =
  /** No save under way, no timer. `resend`: a save whose answer a reload lost, to send first. */
  | { kind: 'idle'; resend: SentSave | null }
  /** The autosave timer runs: the user typed less than the debounce ago. */
  | { kind: 'waiting'; resend: SentSave | null }
  /** A request is out. `attempt`: retries so far (0 = the first send). */
  | { kind: 'sending'; sent: SentSave; attempt: number; then: Then }
  /** A retryable error: the same request goes again after `delayMs`. */
  | { kind: 'retrying'; sent: SentSave; attempt: number; delayMs: number; reason: string; then: Then }
  /** No answer and no connection: the same request goes again once the server answers. */
  | { kind: 'offline'; sent: SentSave; attempt: number; then: Then }
  /**
   * The save met a newer version (409, `currentVersion` from its problem document): rebasing onto it,
   * `conflictOpen` while the user chooses.
   */
  | { kind: 'merging'; sent: SentSave; currentVersion: number | null; conflictOpen: boolean; then: Then }
  /** Gave up; the next edit or save starts again. */
  | { kind: 'failed'; reason: string }
  | { kind: 'disposed' };

export type SaveEvent =
  | { type: 'edit' }
  /** Ctrl/Cmd+S, Retry, or an operation that needs the newest text saved. */
  | { type: 'save' }
  | { type: 'timerFired' }
  /** The request was answered with a version (the base has moved to it). */
  | { type: 'saved' }
  | { type: 'conflict'; currentVersion: number | null }
  | { type: 'retryLater'; reason: string; delayMs: number }
  | { type: 'retryDue' }
  | { type: 'wentOffline' }
  | { type: 'backOnline' }
  | { type: 'failed'; reason: string }
  /** The conflict is resolved: the base is the server's version and the text the merge. */
  | { type: 'rebased' }
  | { type: 'conflictOpen'; open: boolean }
  | { type: 'dispose' };

/** What a transition needs to know beyond the state. */
export interface SaveFacts {
  /** Whether the text differs from the base. */
  readonly dirty: boolean;
  /** A new request for the text as it is now, against the base version, with a new key. */
  snapshot(): SentSave;
}

/** What the queue must do after a transition. */
export type SaveEffect = 'send' | 'backoff' | 'waitForOnline' | 'resolveConflict';
export type TimerEffect = 'restart' | 'stop';

export interface Step {
  state: SaveState;
  effect?: SaveEffect;
  timer?: TimerEffect;
}

const inFlightKinds = new Set<SaveState['kind']>(['sending', 'retrying', 'offline', 'merging']);

export function inFlight(state: SaveState): state is Extract<SaveState, { then: Then }> {
  return inFlightKinds.has(state.kind);
}

export function transition(state: SaveState, event: SaveEvent, facts: SaveFacts): Step {
  if (state.kind === 'disposed') return { state };
  if (event.type === 'dispose') return { state: { kind: 'disposed' }, timer: 'stop' };
  switch (state.kind) {
    case 'idle':
    case 'waiting':
    case 'failed':
      return atRest(state, event, facts);
    default:
      return underWay(state, event, facts);
  }
}

/** No save under way: edits arm the timer, a save request starts one. */
function atRest(state: Extract<SaveState, { kind: 'idle' | 'waiting' | 'failed' }>, event: SaveEvent, facts: SaveFacts): Step {
  const resend = state.kind === 'failed' ? null : state.resend;
  switch (event.type) {
    case 'edit':
      return { state: { kind: 'waiting', resend }, timer: 'restart' };
    case 'timerFired':
      return state.kind === 'waiting' ? start(resend, facts) : { state };
    case 'save':
      return start(resend, facts);
    default:
      return { state };
  }
}

function start(resend: SentSave | null, facts: SaveFacts): Step {
  if (resend === null && !facts.dirty) return { state: { kind: 'idle', resend: null }, timer: 'stop' };
  return { state: { kind: 'sending', sent: resend ?? facts.snapshot(), attempt: 0, then: 'nothing' }, effect: 'send', timer: 'stop' };
}

/** A save is under way: edits wait for it, its outcome decides what comes next. */
function underWay(state: Extract<SaveState, { then: Then }>, event: SaveEvent, facts: SaveFacts): Step {
  switch (event.type) {
    case 'edit':
      return state.then === 'save' ? { state } : { state: { ...state, then: 'timer' }, timer: 'restart' };
    case 'save':
      return { state: { ...state, then: 'save' }, timer: 'stop' };
    case 'timerFired':
      return state.then === 'timer' ? { state: { ...state, then: 'save' } } : { state };
    case 'failed':
      return state.kind === 'sending' || state.kind === 'merging' ? { state: { kind: 'failed', reason: event.reason }, timer: 'stop' } : { state };
    default:
      return onOutcome(state, event, facts);
  }
}

function onOutcome(state: Extract<SaveState, { then: Then }>, event: SaveEvent, facts: SaveFacts): Step {
  const { then } = state;
  if (state.kind === 'sending') {
    const { sent, attempt } = state;
    switch (event.type) {
      case 'saved':
        return next(then, facts);
      case 'conflict':
        return { state: { kind: 'merging', sent, currentVersion: event.currentVersion, conflictOpen: false, then }, effect: 'resolveConflict' };
      case 'retryLater':
        return { state: { kind: 'retrying', sent, attempt: attempt + 1, delayMs: event.delayMs, reason: event.reason, then }, effect: 'backoff' };
      case 'wentOffline':
        return { state: { kind: 'offline', sent, attempt, then }, effect: 'waitForOnline' };
    }
  }
  if ((state.kind === 'retrying' && event.type === 'retryDue') || (state.kind === 'offline' && event.type === 'backOnline')) {
    return { state: { kind: 'sending', sent: state.sent, attempt: state.attempt, then }, effect: 'send' };
  }
  if (state.kind === 'merging') {
    if (event.type === 'conflictOpen') return { state: { ...state, conflictOpen: event.open } };
    // The merged text differs from the server's version: it is saved at once, whatever the timer.
    if (event.type === 'rebased') return facts.dirty ? start(null, facts) : next(then, facts);
  }
  return { state };
}

/** After a save landed (or a rebase left nothing to save): edits made meanwhile go now, or when the timer says. */
function next(then: Then, facts: SaveFacts): Step {
  if (then === 'timer') return { state: { kind: 'waiting', resend: null } };
  return facts.dirty ? start(null, facts) : { state: { kind: 'idle', resend: null } };
}

/** The status the page shows for a state. */
export function statusOf(state: SaveState, dirty: boolean, version: number): SaveStatus {
  switch (state.kind) {
    case 'sending':
      return { kind: 'saving' };
    case 'retrying':
      return { kind: 'retrying', reason: state.reason, attempt: state.attempt, delayMs: state.delayMs };
    case 'offline':
      return { kind: 'offline' };
    case 'merging':
      return { kind: state.conflictOpen ? 'conflict' : 'merging' };
    case 'failed':
      return { kind: 'failed', reason: state.reason };
    default:
      return dirty ? { kind: 'unsaved' } : { kind: 'saved', version };
  }
}
