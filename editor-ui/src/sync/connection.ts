import { NetworkError } from '../api/errors';

/**
 * Whether this page reaches the server, from what actually happens rather than from
 * `navigator.onLine` alone (that only knows about the network interface, and is not even reliable
 * about that: Chromium reports true right after a reload in an emulated offline context).
 *
 * The latest evidence wins:
 * - a request that got no answer (network error), or the browser going offline: not connected;
 * - any answer from the server, 4xx and 5xx included, or the live-updates stream opening: connected;
 * - the browser coming back online, or the live stream dropping: unknown until a probe tells.
 *
 * While not connected it probes the server now and then (any request of the project's API does),
 * so that it notices the server is back even when nothing else is sent and no browser event fires.
 * DOM-free: the page passes in what the browser says and wires the events.
 */

export type ConnectionState =
  /** No answer yet since the page started or the browser came back online. */
  | 'connecting'
  /** The server answers; the live-updates stream is not open. */
  | 'online'
  /** The server answers and the live-updates stream is open. */
  | 'live'
  /** Nothing reaches the server and the browser says it is offline. */
  | 'offline'
  /** Nothing reaches the server although the browser says it is online. */
  | 'unreachable';

/** What a client reports after each request. */
export interface RequestObserver {
  /** The server answered, whatever the status. */
  answered(): void;
  /** No answer: the request failed at the network level. */
  failed(): void;
}

export interface ConnectionOptions {
  /** What the browser says (`navigator.onLine`). */
  browserOnline(): boolean;
  /** One request to the server; resolves or rejects with ApiError if answered, NetworkError if not. */
  probe(): Promise<unknown>;
  /** Called when the state changes; `regained` when the server answers again after it could not be reached. */
  onChange?(state: ConnectionState, regained: boolean): void;
  /** Pause before probe number `attempt` (1 = the first) while not connected. */
  probeDelayMs?(attempt: number): number;
}

/** 1 s, 2 s, 4 s, 8 s, then every 10 s, each with up to half of it taken off at random. */
export function defaultProbeDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(10_000, 1000 * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

export class Connection implements RequestObserver {
  /** null: no evidence yet. */
  private reachable: boolean | null;
  private liveOpen = false;
  /** The server could not be reached at some point since its last answer. */
  private lost = false;
  private probing = false;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private probeAttempt = 0;
  private waiters: Array<() => void> = [];
  private disposed = false;
  private shown: ConnectionState;

  constructor(private readonly options: ConnectionOptions) {
    this.reachable = options.browserOnline() ? null : false;
    this.lost = this.reachable === false;
    this.shown = this.state;
  }

  get state(): ConnectionState {
    if (this.reachable === true) return this.liveOpen ? 'live' : 'online';
    const browserOnline = this.options.browserOnline();
    if (this.reachable === null && browserOnline) return 'connecting';
    return browserOnline ? 'unreachable' : 'offline';
  }

  /** True once the server has answered, until something says it cannot be reached. */
  get connected(): boolean {
    return this.reachable === true;
  }

  /** Resolves as soon as the server answers (at once if it does already). */
  whenConnected(): Promise<void> {
    if (this.connected) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  answered(): void {
    this.setReachable(true);
  }

  failed(): void {
    this.setReachable(false);
  }

  /** The live-updates stream opened (an answer) or dropped (then a probe tells whether the server is there). */
  liveChanged(open: boolean): void {
    this.liveOpen = open;
    if (open) this.setReachable(true);
    else {
      this.emit();
      // Already known unreachable: the probes scheduled with growing pauses go on, rather than
      // one more each time the stream's own reconnect attempt fails.
      if (this.reachable !== false) this.checkNow();
    }
  }

  /** The browser's `online` or `offline` event. */
  browserChanged(): void {
    if (this.options.browserOnline()) {
      // Only a hint: believe it once the server answers.
      if (this.reachable !== true) this.reachable = null;
      this.emit();
      this.probeAttempt = 0;
      this.checkNow();
    } else {
      this.setReachable(false);
    }
  }

  /** Probe the server now, unless a probe is on its way already. */
  checkNow(): void {
    if (this.disposed || this.probing) return;
    this.clearProbeTimer();
    void this.runProbe();
  }

  dispose(): void {
    this.disposed = true;
    this.clearProbeTimer();
  }

  private setReachable(reachable: boolean): void {
    if (this.disposed) return;
    const regained = reachable && this.lost;
    this.reachable = reachable;
    if (reachable) {
      this.lost = false;
      this.probeAttempt = 0;
      this.clearProbeTimer();
    } else {
      this.lost = true;
      this.scheduleProbe();
    }
    this.emit(regained);
    if (reachable) {
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  private emit(regained = false): void {
    const state = this.state;
    if (state === this.shown && !regained) return;
    this.shown = state;
    this.options.onChange?.(state, regained);
  }

  private scheduleProbe(): void {
    if (this.disposed || this.probing || this.probeTimer !== null) return;
    this.probeAttempt++;
    const delay = (this.options.probeDelayMs ?? defaultProbeDelay)(this.probeAttempt);
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      void this.runProbe();
    }, delay);
  }

  private clearProbeTimer(): void {
    if (this.probeTimer !== null) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  private async runProbe(): Promise<void> {
    this.probing = true;
    let reachable: boolean;
    try {
      await this.options.probe();
      reachable = true;
    } catch (error) {
      reachable = !(error instanceof NetworkError);
    } finally {
      this.probing = false;
    }
    if (this.disposed) return;
    // The client usually reported it already; reporting twice changes nothing, and a failure
    // reported now (no probe running any more) schedules the next one.
    if (reachable) this.answered();
    else this.failed();
  }
}
