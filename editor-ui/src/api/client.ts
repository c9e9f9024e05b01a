import createClient, { type Client } from 'openapi-fetch';
import type { RequestObserver } from '../sync/connection';
import type {
  CreatedProject, DeletedFilesPage, FileContent, FileHistory, FileSummary, FileVersionResult, Member, SaveRequest, TimelinePage,
} from './contract';
import { ApiError, NetworkError, parseRetryAfter, type Problem } from './errors';
import type { operations, paths } from './schema';

export type * from './contract';

/**
 * The client of the HTTP contract, on openapi-fetch over the types generated from the server's OpenAPI description:
 * a route, parameter or body the server does not describe fails the build. Every method throws ApiError (an error
 * status, with its problem document and Retry-After) or NetworkError (no answer).
 */

export interface VersionConflict extends Problem {
  path: string;
  expectedVersion: number | null;
  currentVersion: number;
  currentContentHash: string;
}

export function isVersionConflict(error: unknown): error is ApiError & { problem: VersionConflict } {
  return error instanceof ApiError && error.status === 409 && error.problemKind === 'version-conflict';
}

const FILES = '/api/projects/{projectId}/files';

/**
 * An operation's query parameters and JSON body as described. openapi-fetch infers its argument's type, so a
 * member the description lacks would pass unnoticed; `satisfies` these makes it fail the build.
 */
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
type Body<Op extends keyof operations> = NonNullable<operations[Op]['requestBody']>['content']['application/json'];

export async function createProject(name: string, user: string, baseUrl = ''): Promise<CreatedProject> {
  const body = { name, user } satisfies Body<'create'>;
  return answer(api(baseUrl, {}).POST('/api/projects', { body }));
}

export class ProjectClient {
  private readonly api: Client<paths>;
  private readonly project: { projectId: string };

  constructor(
    readonly projectId: string,
    private readonly token: string,
    private readonly baseUrl = '',
    /** Told whether each request got an answer, so that the page knows whether the server is reachable. */
    observer?: RequestObserver,
  ) {
    this.api = api(baseUrl, { Authorization: `Bearer ${token}` }, observer);
    this.project = { projectId };
  }

  addMember(user: string): Promise<Member> {
    const body = { user } satisfies Body<'addMember'>;
    return answer(this.api.POST('/api/projects/{projectId}/members', { params: { path: this.project }, body }));
  }

  save(path: string, body: SaveRequest, idempotencyKey?: string): Promise<FileVersionResult> {
    const header = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
    return answer(this.api.PUT(FILES, { params: { path: this.project, query: { path } satisfies Query<'save'>, header }, body }));
  }

  delete(path: string, expectedVersion: number): Promise<FileVersionResult> {
    const query = { path, expectedVersion: String(expectedVersion) } satisfies Query<'delete'>;
    return answer(this.api.DELETE(FILES, { params: { path: this.project, query } }));
  }

  move(from: string, to: string, expectedVersion: number): Promise<FileVersionResult> {
    const body = { from, to, expectedVersion } satisfies Body<'move'>;
    return answer(this.api.POST(`${FILES}/move`, { params: { path: this.project }, body }));
  }

  restore(path: string, version: number, expectedVersion: number): Promise<FileVersionResult> {
    const body = { path, version, expectedVersion } satisfies Body<'restore'>;
    return answer(this.api.POST(`${FILES}/restore`, { params: { path: this.project }, body }));
  }

  listFiles(): Promise<FileSummary[]> {
    return answer(this.api.GET(FILES, { params: { path: this.project } }));
  }

  content(path: string, options: { version?: number; minVersion?: number } = {}): Promise<FileContent> {
    const query = { path, version: text(options.version), minVersion: text(options.minVersion) } satisfies Query<'content'>;
    return answer(this.api.GET(`${FILES}/content`, { params: { path: this.project, query } }));
  }

  history(path: string, options: { limit?: number; before?: number; minVersion?: number } = {}): Promise<FileHistory> {
    const { limit, before, minVersion } = options;
    const query = { path, limit: text(limit), before: text(before), minVersion: text(minVersion) } satisfies Query<'history'>;
    return answer(this.api.GET(`${FILES}/history`, { params: { path: this.project, query } }));
  }

  diff(path: string, from: number, to: number): Promise<string> {
    const query = { path, from: String(from), to: String(to) } satisfies Query<'diff'>;
    const init = { params: { path: this.project, query }, parseAs: 'text', headers: { Accept: '*/*' } } as const;
    return answer(this.api.GET(`${FILES}/diff`, init));
  }

  /** `minVersion` (any, also 0): wait until the read model shows every change stored before the request. */
  timeline(options: { limit?: number; before?: number; minVersion?: number } = {}): Promise<TimelinePage> {
    const { limit, before, minVersion } = options;
    const query = { limit: text(limit), before: text(before), minVersion: text(minVersion) } satisfies Query<'timeline'>;
    return answer(this.api.GET('/api/projects/{projectId}/timeline', { params: { path: this.project, query } }));
  }

  deletedFiles(options: { limit?: number; after?: string; minVersion?: number } = {}): Promise<DeletedFilesPage> {
    const { limit, after, minVersion } = options;
    const query = { after, limit: text(limit), minVersion: text(minVersion) } satisfies Query<'deleted'>;
    return answer(this.api.GET(`${FILES}/deleted`, { params: { path: this.project, query } }));
  }

  /** EventSource cannot send headers, so the token rides in the query string on this one route. */
  updatesUrl(): string {
    const query = new URLSearchParams({ access_token: this.token });
    return `${this.baseUrl}/api/projects/${encodeURIComponent(this.projectId)}/updates?${query}`;
  }
}

/** openapi-fetch with our headers, no HTTP cache, and the observer told whether each request got an answer. */
function api(baseUrl: string, headers: Record<string, string>, observer?: RequestObserver): Client<paths> {
  return createClient<paths>({
    baseUrl,
    cache: 'no-store',
    headers: { Accept: 'application/json, application/problem+json', ...headers },
    fetch: async (request) => {
      let response: Response;
      try {
        response = await fetch(request);
      } catch (cause) {
        observer?.failed();
        throw new NetworkError(cause);
      }
      observer?.answered();
      return response;
    },
  });
}

/** The description types numeric query parameters as strings (the server parses them to say what is wrong). */
function text(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/**
 * The answer's body, or the ApiError its status means. The body is what the server sends: the generated types say
 * which members exist, `contract.ts` which are always there.
 */
async function answer<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const parsed = typeof error === 'object' && error !== null ? error : {};
    const title = response.statusText || `HTTP ${response.status}`;
    const problem: Problem = { type: 'about:blank', title, status: response.status, ...parsed };
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }
  return data as T;
}
