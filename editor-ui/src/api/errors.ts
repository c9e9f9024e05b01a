/** An RFC 9457 problem document as the backend sends it; extra members vary by `type`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [member: string]: unknown;
}

/** The server answered with an error status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** From a Retry-After header (429, 503), in milliseconds. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The last path segment of the problem type, e.g. `version-conflict` or `path-taken`. */
  get problemKind(): string {
    const type = this.problem.type ?? '';
    return type.slice(type.lastIndexOf('/') + 1);
  }
}

/** The request never got an answer: offline, server down, connection reset. */
export class NetworkError extends Error {
  constructor(readonly cause: unknown) {
    super('Network error: the server could not be reached');
    this.name = 'NetworkError';
  }
}

export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A short reason a person can read in the status line. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return 'the server asked to slow down';
    const detail = error.problem.detail || error.problem.title;
    return `${error.status} ${detail}`.trim();
  }
  if (error instanceof NetworkError) return 'server unreachable';
  return error instanceof Error ? error.message : String(error);
}
