import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProjectClient, createProject, isVersionConflict } from '../src/api/client';
import { ApiError, NetworkError, describeError } from '../src/api/errors';

function respond(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status, headers }));
}

const ORIGIN = 'http://localhost';
const client = new ProjectClient('p-1', 'secret', ORIGIN);

/** The request the client sent (openapi-fetch passes a Request). */
function sent(fetchMock: ReturnType<typeof vi.fn>, call = 0): Request {
  return (fetchMock.mock.calls[call] as unknown as [Request])[0];
}

describe('ProjectClient', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a save as JSON with the bearer token, the path in the query and the idempotency key', async () => {
    const fetchMock = respond(200, { version: 4, changed: true }, { 'Content-Type': 'application/json' });
    vi.stubGlobal('fetch', fetchMock);
    const result = await client.save('src/a b.ts', { content: 'x', expectedVersion: 3, fileType: 'typescript' }, 'key-1');
    expect(result.version).toBe(4);
    const request = sent(fetchMock);
    expect(request.url).toBe(`${ORIGIN}/api/projects/p-1/files?path=src%2Fa%20b.ts`);
    expect(request.method).toBe('PUT');
    expect(request.cache).toBe('no-store');
    expect(request.headers.get('Authorization')).toBe('Bearer secret');
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.headers.get('Idempotency-Key')).toBe('key-1');
    expect(await request.json()).toEqual({ content: 'x', expectedVersion: 3, fileType: 'typescript' });
  });

  it('turns a 409 problem document into a version conflict with the current version', async () => {
    vi.stubGlobal(
      'fetch',
      respond(
        409,
        { type: '/problems/version-conflict', title: 'Version conflict', status: 409, detail: 'Expected 3, is 5', currentVersion: 5 },
        { 'Content-Type': 'application/problem+json' },
      ),
    );
    const error = await client.save('a', { content: 'x', expectedVersion: 3 }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isVersionConflict(error)).toBe(true);
    expect(error.problem.currentVersion).toBe(5);
    expect(describeError(error)).toBe('409 Expected 3, is 5');
  });

  it('keeps Retry-After of a 429 and tells a 409 path-taken apart from a version conflict', async () => {
    vi.stubGlobal('fetch', respond(429, { type: 'about:blank', title: 'Too Many Requests', status: 429 }, { 'Retry-After': '7' }));
    const limited = await client.listFiles().catch((e) => e);
    expect(limited.retryAfterMs).toBe(7000);
    vi.stubGlobal('fetch', respond(409, { type: '/problems/path-taken', title: 'Path taken', status: 409, path: 'b' }));
    const taken = await client.move('a', 'b', 1).catch((e) => e);
    expect(taken.problemKind).toBe('path-taken');
    expect(isVersionConflict(taken)).toBe(false);
  });

  it('reports an error without a JSON body by its status', async () => {
    vi.stubGlobal('fetch', respond(502, '<html>Bad gateway</html>'));
    const error = await client.listFiles().catch((e) => e);
    expect(error).toMatchObject({ status: 502 });
  });

  it('reports a request that got no answer as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(client.listFiles()).rejects.toBeInstanceOf(NetworkError);
  });

  it('creates a project without a token', async () => {
    const created = respond(201, { projectId: 'p', name: 'demo', user: 'alice', token: 't' });
    vi.stubGlobal('fetch', created);
    expect((await createProject('demo', 'alice', ORIGIN)).token).toBe('t');
    expect(sent(created).headers.has('Authorization')).toBe(false);
  });

  it('pages the timeline and the deleted files with their cursors in the query string', async () => {
    const fetched = respond(200, { entries: [], next: null });
    vi.stubGlobal('fetch', fetched);
    await client.timeline({ limit: 50, before: 7, minVersion: 0 });
    await client.deletedFiles({ after: 'a b/c.txt' });
    expect([sent(fetched, 0).url, sent(fetched, 1).url]).toEqual([
      `${ORIGIN}/api/projects/p-1/timeline?limit=50&before=7&minVersion=0`,
      `${ORIGIN}/api/projects/p-1/files/deleted?after=a%20b%2Fc.txt`,
    ]);
  });

  it('puts the token in the query string only for the live-updates stream', () => {
    expect(client.updatesUrl()).toBe(`${ORIGIN}/api/projects/p-1/updates?access_token=secret`);
  });
});
