import type { FileChangedEvent } from '../api/client';

/**
 * The project's server-sent `file-changed` events. EventSource reconnects by itself after a dropped
 * connection; when it gives up (the server refused the stream) we open a new one, with a growing
 * pause. `onReconnect` lets the caller catch up on what it missed meanwhile.
 */
export class LiveUpdates {
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private everOpened = false;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly handlers: {
      onChange(event: FileChangedEvent): void;
      onReconnect(): void;
      onState?(connected: boolean): void;
    },
  ) {
    this.connect();
    window.addEventListener('online', this.reconnectNow);
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.reconnectNow);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.source?.close();
  }

  /** Opens the stream again at once unless it is open (the browser or the server is back). */
  readonly reconnectNow = (): void => {
    if (this.closed || this.source?.readyState === EventSource.OPEN) return;
    this.source?.close();
    this.connect();
  };

  private connect(): void {
    const source = new EventSource(this.url);
    this.source = source;
    const onMessage = (message: MessageEvent<string>) => {
      try {
        this.handlers.onChange(JSON.parse(message.data) as FileChangedEvent);
      } catch {
        // A keep-alive or a message of another shape: nothing to apply.
      }
    };
    source.addEventListener('file-changed', onMessage as EventListener);
    source.onmessage = onMessage;
    source.onopen = () => {
      this.failures = 0;
      this.handlers.onState?.(true);
      if (this.everOpened) this.handlers.onReconnect();
      this.everOpened = true;
    };
    source.onerror = () => {
      this.handlers.onState?.(false);
      if (source.readyState === EventSource.CLOSED && !this.closed) {
        this.failures++;
        const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.failures, 5)) * (0.5 + Math.random() / 2);
        this.retryTimer = setTimeout(() => this.connect(), delay);
      }
    };
  }
}
