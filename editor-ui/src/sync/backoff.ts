import { ApiError, NetworkError } from '../api/errors';

/**
 * Retries for errors that a later attempt can fix: no answer at all, 5xx, 429. Delays grow
 * exponentially and carry "equal jitter" (half fixed, half random), so that many tabs that failed
 * together do not retry together, while every delay still grows with the attempt number.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Attempts (the first try included) before giving up and reporting a failure. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 500, maxMs: 30_000, maxAttempts: 8 };

/** Delay before retry number `attempt` (1 = the first retry). */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

function isTooManyRequests(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429;
}

/** A 409 `idempotency-key-in-use` means the first send of this very save is still running: ask again for its answer. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) {
    return error.status === 429 || error.status >= 500 || error.problemKind === 'idempotency-key-in-use';
  }
  return false;
}

/**
 * How long to wait before retry number `attempt`, or null when the error is not worth retrying (4xx
 * other than 429) or the attempts are used up. A Retry-After from the server wins over the backoff.
 * A 429 uses up no attempts: the server is up and says when to come back, so the work is delayed,
 * never given up.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  policy: BackoffPolicy = defaultBackoff,
  random: () => number = Math.random,
): number | null {
  if (!isRetryable(error)) return null;
  if (attempt >= policy.maxAttempts && !isTooManyRequests(error)) return null;
  if (error instanceof ApiError && error.retryAfterMs !== null) return error.retryAfterMs;
  return backoffDelay(attempt, policy, random);
}
