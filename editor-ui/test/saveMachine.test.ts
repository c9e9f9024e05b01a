import { describe, expect, it } from 'vitest';
import { statusOf, transition, type SaveEvent, type SaveFacts, type SaveState, type Step } from '../src/sync/saveMachine';
import type { SentSave } from '../src/sync/saveTypes';

const sent: SentSave = { content: 'typed', expectedVersion: 3, key: 'k-1' };
const fresh: SentSave = { content: 'typed more', expectedVersion: 4, key: 'k-2' };
const dirty: SaveFacts = { dirty: true, snapshot: () => fresh };
const clean: SaveFacts = { dirty: false, snapshot: () => fresh };

const idle: SaveState = { kind: 'idle', resend: null };
const waiting: SaveState = { kind: 'waiting', resend: null };
const failed: SaveState = { kind: 'failed', reason: '413 too large' };
type Then = 'nothing' | 'timer' | 'save';
const sending = (then: Then = 'nothing', attempt = 0): SaveState => ({ kind: 'sending', sent, attempt, then });
const retrying: SaveState = { kind: 'retrying', sent, attempt: 2, delayMs: 1000, reason: 'server unreachable', then: 'nothing' };
const offline: SaveState = { kind: 'offline', sent, attempt: 1, then: 'timer' };
const merging = (then: Then = 'nothing', conflictOpen = false): SaveState => ({ kind: 'merging', sent, currentVersion: 5, conflictOpen, then });

type Case = [string, SaveState, SaveEvent, SaveFacts, Step];

const cases: Case[] = [
  // At rest: edits arm the autosave timer, a save request starts a save.
  ['an edit arms the timer', idle, { type: 'edit' }, dirty, { state: waiting, timer: 'restart' }],
  ['another edit restarts it', waiting, { type: 'edit' }, dirty, { state: waiting, timer: 'restart' }],
  ['an edit after a failure starts over', failed, { type: 'edit' }, dirty, { state: waiting, timer: 'restart' }],
  ['the timer sends the text', waiting, { type: 'timerFired' }, dirty, { state: { kind: 'sending', sent: fresh, attempt: 0, then: 'nothing' }, effect: 'send', timer: 'stop' }],
  ['the timer finds nothing to send', waiting, { type: 'timerFired' }, clean, { state: idle, timer: 'stop' }],
  ['a stale timer does nothing', idle, { type: 'timerFired' }, dirty, { state: idle }],
  ['a save sends first what a reload lost', { kind: 'idle', resend: sent }, { type: 'save' }, clean, { state: sending(), effect: 'send', timer: 'stop' }],
  ['Retry after a failure sends the text', failed, { type: 'save' }, dirty, { state: { kind: 'sending', sent: fresh, attempt: 0, then: 'nothing' }, effect: 'send', timer: 'stop' }],
  ['a save of unchanged text sends nothing', idle, { type: 'save' }, clean, { state: idle, timer: 'stop' }],
  ['an answer with nothing under way is ignored', idle, { type: 'saved' }, dirty, { state: idle }],
  // Under way: edits wait for the save, which decides what comes next.
  ['an edit during a save arms the timer for after it', sending(), { type: 'edit' }, dirty, { state: sending('timer'), timer: 'restart' }],
  ['an edit after Ctrl+S during a save waits for no timer', sending('save'), { type: 'edit' }, dirty, { state: sending('save') }],
  ['Ctrl+S during a save asks for another at once', sending('timer'), { type: 'save' }, dirty, { state: sending('save'), timer: 'stop' }],
  ['the timer firing during a save asks for another', sending('timer'), { type: 'timerFired' }, dirty, { state: sending('save') }],
  ['a stale timer during a save does nothing', sending(), { type: 'timerFired' }, dirty, { state: sending() }],
  ['a save landed and nothing changed meanwhile', sending(), { type: 'saved' }, clean, { state: idle }],
  ['a save landed and the text changed without a keystroke', sending(), { type: 'saved' }, dirty, { state: { kind: 'sending', sent: fresh, attempt: 0, then: 'nothing' }, effect: 'send', timer: 'stop' }],
  ['a save landed while the user is typing', sending('timer'), { type: 'saved' }, dirty, { state: waiting }],
  ['a save landed after Ctrl+S: the newer text goes at once', sending('save'), { type: 'saved' }, dirty, { state: { kind: 'sending', sent: fresh, attempt: 0, then: 'nothing' }, effect: 'send', timer: 'stop' }],
  ['a 409 starts the merge', sending('timer'), { type: 'conflict', currentVersion: 5 }, dirty, { state: merging('timer'), effect: 'resolveConflict' }],
  ['a retryable error waits', sending(), { type: 'retryLater', reason: 'server unreachable', delayMs: 1000 }, dirty, { state: { ...retrying, attempt: 1 }, effect: 'backoff' }],
  ['after the wait the same request goes again', retrying, { type: 'retryDue' }, dirty, { state: { kind: 'sending', sent, attempt: 2, then: 'nothing' }, effect: 'send' }],
  ['no answer while offline waits for the connection', sending('timer', 1), { type: 'wentOffline' }, dirty, { state: offline, effect: 'waitForOnline' }],
  ['back online the same request goes again', offline, { type: 'backOnline' }, dirty, { state: { kind: 'sending', sent, attempt: 1, then: 'timer' }, effect: 'send' }],
  ['a final error fails the save', sending('timer'), { type: 'failed', reason: '413 too large' }, dirty, { state: failed, timer: 'stop' }],
  ['a failure while waiting to retry is not one', retrying, { type: 'failed', reason: 'x' }, dirty, { state: retrying }],
  ['the conflict view opens', merging(), { type: 'conflictOpen', open: true }, dirty, { state: merging('nothing', true) }],
  ['the merged text is saved at once', merging('timer'), { type: 'rebased' }, dirty, { state: { kind: 'sending', sent: fresh, attempt: 0, then: 'nothing' }, effect: 'send', timer: 'stop' }],
  ['a merge that left the server text waits for the typing', merging('timer'), { type: 'rebased' }, clean, { state: waiting }],
  ['a merge that failed fails the save', merging(), { type: 'failed', reason: 'deleted' }, dirty, { state: { kind: 'failed', reason: 'deleted' }, timer: 'stop' }],
  ['a stray answer while waiting to retry is ignored', retrying, { type: 'saved' }, dirty, { state: retrying }],
  ['the conflict view outside a merge changes nothing', sending(), { type: 'conflictOpen', open: true }, dirty, { state: sending() }],
  // Disposal ends everything, also answers that arrive later.
  ['closing the tab stops the timer', waiting, { type: 'dispose' }, dirty, { state: { kind: 'disposed' }, timer: 'stop' }],
  ['a late answer after closing is ignored', { kind: 'disposed' }, { type: 'saved' }, dirty, { state: { kind: 'disposed' } }],
];

describe('the save state machine', () => {
  it.each(cases)('%s', (_, from, event, facts, expected) => {
    expect(transition(from, event, facts)).toEqual(expected);
  });

  it('shows each state as the status bar words it', () => {
    expect(statusOf(idle, false, 3)).toEqual({ kind: 'saved', version: 3 });
    expect(statusOf(waiting, true, 3)).toEqual({ kind: 'unsaved' });
    expect(statusOf(sending(), true, 3)).toEqual({ kind: 'saving' });
    expect(statusOf(retrying, true, 3)).toEqual({ kind: 'retrying', reason: 'server unreachable', attempt: 2, delayMs: 1000 });
    expect(statusOf(offline, true, 3)).toEqual({ kind: 'offline' });
    expect(statusOf(merging(), true, 3)).toEqual({ kind: 'merging' });
    expect(statusOf(merging('nothing', true), true, 3)).toEqual({ kind: 'conflict' });
    expect(statusOf(failed, true, 3)).toEqual({ kind: 'failed', reason: '413 too large' });
  });
});
