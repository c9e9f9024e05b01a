import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProjectClient } from '../src/api/client';
import { ApiError, NetworkError } from '../src/api/errors';
import { Connection, defaultProbeDelay, type ConnectionOptions, type ConnectionState } from '../src/sync/connection';
import { connectionLabel } from '../src/ui/statusText';

const networkError = () => new NetworkError(new TypeError('Failed to fetch'));
const serverError = () => new ApiError(503, { type: 'about:blank', title: 'Service Unavailable', status: 503 });

/** A connection whose probe answers as `server` says; records the states and reconnects it reports. */
function setup({ startOnline = true, ...options }: Partial<Omit<ConnectionOptions, 'browserOnline'>> & { startOnline?: boolean } = {}) {
  const browser = { online: startOnline };
  const server = { up: true, probes: 0, answer: (): Promise<unknown> => Promise.resolve([]) };
  const states: ConnectionState[] = [];
  let regains = 0;
  const connection = new Connection({
    browserOnline: () => browser.online,
    probe: () => {
      server.probes++;
      return server.up ? server.answer() : Promise.reject(networkError());
    },
    onChange: (state, regained) => {
      states.push(state);
      if (regained) regains++;
    },
    probeDelayMs: (attempt) => 1000 * attempt,
    ...options,
  });
  return { connection, browser, server, states, regains: () => regains };
}

describe('Connection', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('claims nothing before the server has answered', () => {
    expect(setup().connection.state).toBe('connecting');
    expect(setup().connection.connected).toBe(false);
    expect(setup({ startOnline: false }).connection.state).toBe('offline');
  });

  it('is not connected after a network error although the browser says online, and is again at the first answer', async () => {
    const { connection, states, regains } = setup();
    connection.answered();
    expect(connection.state).toBe('online');
    expect(regains()).toBe(0);

    connection.failed();
    expect(connection.state).toBe('unreachable');
    expect(connection.connected).toBe(false);

    connection.answered();
    expect(connection.state).toBe('online');
    expect(regains()).toBe(1);
    expect(states).toEqual(['online', 'unreachable', 'online']);
  });

  it('never says live while requests get no answer, even with the stream still open', () => {
    const { connection } = setup();
    connection.liveChanged(true);
    expect(connection.state).toBe('live');
    connection.failed();
    expect(connection.state).toBe('unreachable');
    expect(connectionLabel(connection.state)).not.toContain('Online');
    connection.answered();
    expect(connection.state).toBe('live');
  });

  it('counts an HTTP error answer as the server being there', async () => {
    const { connection, server } = setup();
    connection.failed();
    server.answer = () => Promise.reject(serverError());
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.probes).toBe(1);
    expect(connection.state).toBe('online');
  });

  it('probes with growing pauses while the server is unreachable, and stops once it answers', async () => {
    const { connection, server, regains } = setup();
    connection.answered();
    server.up = false;
    connection.failed();
    let reconnected = false;
    void connection.whenConnected().then(() => (reconnected = true));

    await vi.advanceTimersByTimeAsync(1000); // probe 1 fails
    await vi.advanceTimersByTimeAsync(2000); // probe 2 fails
    expect(server.probes).toBe(2);
    expect(connection.state).toBe('unreachable');
    expect(reconnected).toBe(false);

    server.up = true;
    await vi.advanceTimersByTimeAsync(3000); // probe 3 answers
    expect(server.probes).toBe(3);
    expect(connection.state).toBe('online');
    expect(reconnected).toBe(true);
    expect(regains()).toBe(1);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.probes).toBe(3);
  });

  it('takes the browser going offline at its word, and its coming online only as a hint to check', async () => {
    const { connection, browser, server, states } = setup();
    connection.answered();
    browser.online = false;
    connection.browserChanged();
    expect(connection.state).toBe('offline');

    server.up = false;
    browser.online = true;
    connection.browserChanged();
    expect(connection.state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toBe(1);
    expect(connection.state).toBe('unreachable');

    server.up = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(connection.state).toBe('online');
    expect(states).toEqual(['online', 'offline', 'connecting', 'unreachable', 'online']);
  });

  it('believes an answer over a browser that says offline', () => {
    const { connection } = setup({ startOnline: false });
    connection.answered();
    expect(connection.state).toBe('online');
  });

  it('checks at once when the live stream drops', async () => {
    const { connection, server } = setup();
    connection.liveChanged(true);
    server.up = false;
    connection.liveChanged(false);
    expect(connection.state).toBe('online');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toBe(1);
    expect(connection.state).toBe('unreachable');

    // The stream's reconnect attempts failing again add no probes to the paced ones.
    connection.liveChanged(false);
    connection.liveChanged(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.probes).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.probes).toBe(2);
  });

  it('runs one probe at a time', async () => {
    const { connection, server } = setup();
    let answer!: () => void;
    server.answer = () => new Promise<void>((resolve) => (answer = resolve));
    connection.checkNow();
    connection.checkNow();
    connection.liveChanged(false);
    expect(server.probes).toBe(1);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.state).toBe('online');
  });

  it('stops probing once disposed', async () => {
    const { connection, server } = setup();
    server.up = false;
    connection.failed();
    connection.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.probes).toBe(0);
  });

  it('pauses 0.5 to 1 s before the first probe and at most 10 s later on', () => {
    expect(defaultProbeDelay(1, () => 0)).toBe(500);
    expect(defaultProbeDelay(1, () => 1)).toBe(1000);
    expect(defaultProbeDelay(4, () => 1)).toBe(8000);
    expect(defaultProbeDelay(20, () => 1)).toBe(10_000);
  });

  it('hears from the client whether each request got an answer', async () => {
    const { connection } = setup();
    const client = new ProjectClient('p-1', 'secret', 'http://localhost', connection);
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(client.listFiles()).rejects.toBeInstanceOf(NetworkError);
    expect(connection.state).toBe('unreachable');

    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"title":"Not Found","status":404}', { status: 404 })));
    await expect(client.listFiles()).rejects.toBeInstanceOf(ApiError);
    expect(connection.state).toBe('online');
  });
});
