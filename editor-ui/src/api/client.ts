import { ApiError, NetworkError, parseRetryAfter, type Problem } from './errors';
import type { RequestObserver } from '../sync/connection';

/** Typed client for the HTTP contract in docs/api.md. Every method throws ApiError or NetworkError. */

export interface CreatedProject {
  projectId: string;
  name: string;
  user: string;
  token: string;
}

export interface Member {
  user: string;
  token: string;
}

export interface SaveRequest {
  content: string;
  /** 0 = create, N = the current version must be N, null = last writer wins. */
  expectedVersion: number | null;
  fileType?: string;
  message?: string;
}

export interface FileVersionResult {
  projectId: string;
  fileId: string;
  path: string;
  version: number;
  contentHash: string;
  sizeBytes: number;
  savedAt: string;
  savedBy: string;
  changed: boolean;
}

export interface FileSummary {
  path: string;
  fileId: string;
  version: number;
  contentHash: string;
  sizeBytes: number;
  fileType: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface FileContent {
  path: string;
  fileId: string;
  version: number;
  content: string;
  contentHash: string;
  sizeBytes: number;
  fileType: string | null;
  deleted: boolean;
  savedAt: string;
  savedBy: string;
}

export type ChangeKind = 'CREATED' | 'SAVED' | 'MOVED' | 'DELETED' | 'RESTORED';

export interface HistoryEntry {
  version: number;
  kind: ChangeKind;
  path: string;
  contentHash: string;
  sizeBytes: number;
  at: string;
  by: string;
  message: string | null;
}

export interface FileHistory {
  path: string;
  fileId: string;
  entries: HistoryEntry[];
  next: number | null;
}

export interface FileChangedEvent {
  path: string;
  fileId: string;
  version: number;
  kind: ChangeKind;
  contentHash: string;
  by: string;
  at: string;
}

/** One change of one file, as the project timeline lists it. */
export interface TimelineEntry {
  position: number;
  fileId: string;
  path: string;
  /** The path before the move, on MOVED entries only. */
  fromPath: string | null;
  version: number;
  kind: ChangeKind;
  at: string;
  by: string;
  message: string | null;
}

export interface TimelinePage {
  entries: TimelineEntry[];
  /** The `before` of the next (older) page, or null on the last one. */
  next: number | null;
}

/** A path that can be undeleted: no live file there, and the newest file there is deleted. */
export interface DeletedFile {
  path: string;
  fileId: string;
  version: number;
  deletedAt: string;
  deletedBy: string;
}

export interface DeletedFilesPage {
  files: DeletedFile[];
  /** The `after` of the next page, or null on the last one. */
  next: string | null;
}

export interface VersionConflict extends Problem {
  path: string;
  expectedVersion: number | null;
  currentVersion: number;
  currentContentHash: string;
}

export function isVersionConflict(error: unknown): error is ApiError & { problem: VersionConflict } {
  return error instanceof ApiError && error.status === 409 && error.problemKind === 'version-conflict';
}

export async function createProject(name: string, user: string, baseUrl = ''): Promise<CreatedProject> {
  return request<CreatedProject>(baseUrl + '/api/projects', { method: 'POST', json: { name, user } });
}

export class ProjectClient {
  constructor(
    readonly projectId: string,
    private readonly token: string,
    private readonly baseUrl = '',
    /** Told whether each request got an answer, so that the page knows whether the server is reachable. */
    private readonly observer?: RequestObserver,
  ) {}

  addMember(user: string): Promise<Member> {
    return this.call('POST', '/members', {}, { user });
  }

  save(path: string, body: SaveRequest, idempotencyKey?: string): Promise<FileVersionResult> {
    const headers: Record<string, string> = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {};
    return this.call('PUT', '/files', { path }, body, headers);
  }

  delete(path: string, expectedVersion: number): Promise<FileVersionResult> {
    return this.call('DELETE', '/files', { path, expectedVersion });
  }

  move(from: string, to: string, expectedVersion: number): Promise<FileVersionResult> {
    return this.call('POST', '/files/move', {}, { from, to, expectedVersion });
  }

  restore(path: string, version: number, expectedVersion: number): Promise<FileVersionResult> {
    return this.call('POST', '/files/restore', {}, { path, version, expectedVersion });
  }

  listFiles(): Promise<FileSummary[]> {
    return this.call('GET', '/files');
  }

  content(path: string, options: { version?: number; minVersion?: number } = {}): Promise<FileContent> {
    return this.call('GET', '/files/content', { path, ...options });
  }

  history(path: string, options: { limit?: number; before?: number; minVersion?: number } = {}): Promise<FileHistory> {
    return this.call('GET', '/files/history', { path, ...options });
  }

  diff(path: string, from: number, to: number): Promise<string> {
    return this.call('GET', '/files/diff', { path, from, to }, undefined, {}, 'text');
  }

  /** `minVersion` (any, also 0): wait until the read model shows every change stored before the request. */
  timeline(options: { limit?: number; before?: number; minVersion?: number } = {}): Promise<TimelinePage> {
    return this.call('GET', '/timeline', options);
  }

  deletedFiles(options: { limit?: number; after?: string; minVersion?: number } = {}): Promise<DeletedFilesPage> {
    return this.call('GET', '/files/deleted', options);
  }

  /** EventSource cannot send headers, so the token rides in the query string on this one route. */
  updatesUrl(): string {
    return this.url('/updates', { access_token: this.token });
  }

  private url(suffix: string, query: Record<string, string | number | undefined | null>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null) params.set(key, String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}/api/projects/${encodeURIComponent(this.projectId)}${suffix}${search ? '?' + search : ''}`;
  }

  private call<T>(
    method: string,
    suffix: string,
    query: Record<string, string | number | undefined | null> = {},
    json?: unknown,
    headers: Record<string, string> = {},
    as: 'json' | 'text' = 'json',
  ): Promise<T> {
    return request<T>(this.url(suffix, query), {
      method,
      json,
      headers: { Authorization: `Bearer ${this.token}`, ...headers },
      as,
      observer: this.observer,
    });
  }
}

interface RequestOptions {
  method: string;
  json?: unknown;
  headers?: Record<string, string>;
  as?: 'json' | 'text';
  observer?: RequestObserver;
}

async function request<T>(url: string, options: RequestOptions): Promise<T> {
  const accept = options.as === 'text' ? '*/*' : 'application/json, application/problem+json';
  const headers: Record<string, string> = { Accept: accept, ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(url, { method: options.method, headers, body, cache: 'no-store' });
  } catch (cause) {
    options.observer?.failed();
    throw new NetworkError(cause);
  }
  options.observer?.answered();
  if (!response.ok) throw await toApiError(response);
  if (options.as === 'text') return (await response.text()) as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem;
  try {
    const parsed = await response.json();
    problem = { type: 'about:blank', title: response.statusText, status: response.status, ...parsed };
  } catch {
    problem = { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status };
  }
  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
}
