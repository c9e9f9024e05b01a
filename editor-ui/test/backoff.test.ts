import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, parseRetryAfter } from '../src/api/errors';
import { backoffDelay, isRetryable, retryDelay, type BackoffPolicy } from '../src/sync/backoff';

const policy: BackoffPolicy = { baseMs: 100, maxMs: 1000, maxAttempts: 5 };
const problem = (status: number) => ({ type: 'about:blank', title: 't', status });

describe('backoff', () => {
  it('doubles the ceiling with every attempt and keeps each delay between half and all of it', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 0))).toEqual([50, 100, 200, 400]);
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, policy, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it('spreads retries with jitter drawn from the random source', () => {
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
    const seen = new Set(Array.from({ length: 20 }, () => backoffDelay(3, policy)));
    expect(seen.size).toBeGreaterThan(1);
    for (const delay of seen) {
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });

  it('never waits longer than the maximum', () => {
    expect(backoffDelay(30, policy, () => 1)).toBe(1000);
  });

  it('retries network errors, 5xx and 429, but not other client errors', () => {
    expect(isRetryable(new NetworkError(new TypeError('Failed to fetch')))).toBe(true);
    expect(isRetryable(new ApiError(500, problem(500)))).toBe(true);
    expect(isRetryable(new ApiError(503, problem(503)))).toBe(true);
    expect(isRetryable(new ApiError(429, problem(429)))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
      expect(isRetryable(new ApiError(status, problem(status)))).toBe(false);
      expect(retryDelay(new ApiError(status, problem(status)), 1, policy)).toBeNull();
    }
    expect(isRetryable(new Error('bug'))).toBe(false);
  });

  it('retries a save whose first send is still running, after its Retry-After', () => {
    const inUse = { type: '/problems/idempotency-key-in-use', title: 'Idempotency-Key in use', status: 409 };
    expect(isRetryable(new ApiError(409, inUse))).toBe(true);
    expect(retryDelay(new ApiError(409, inUse, parseRetryAfter('1')), 1, policy, () => 0)).toBe(1000);
  });

  it('honours Retry-After on 429 instead of its own delay', () => {
    const tooMany = new ApiError(429, problem(429), parseRetryAfter('3'));
    expect(retryDelay(tooMany, 1, policy, () => 0)).toBe(3000);
  });

  it('never gives up on 429: the server is up and says when to come back', () => {
    const tooMany = new ApiError(429, problem(429), parseRetryAfter('2'));
    expect(retryDelay(tooMany, policy.maxAttempts + 10, policy, () => 0)).toBe(2000);
    const noHint = new ApiError(429, problem(429));
    expect(retryDelay(noHint, policy.maxAttempts + 10, policy, () => 0)).not.toBeNull();
  });

  it('gives up after the last attempt', () => {
    const down = new ApiError(502, problem(502));
    expect(retryDelay(down, 4, policy, () => 0)).toBe(400);
    expect(retryDelay(down, 5, policy, () => 0)).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(null)).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
});
