import { describe, expect, it } from 'vitest';
import { durabilityWarning } from '../src/ui/durabilityBanner';

describe('durabilityWarning', () => {
  it('warns only when the server says its database is not durable', () => {
    expect(durabilityWarning({ database: { durable: false, fsync: 'off' } })).toMatch(/crash can lose recent saves/);
    expect(durabilityWarning({ database: { durable: true } })).toBeNull();
    expect(durabilityWarning({})).toBeNull();
    expect(durabilityWarning(null)).toBeNull();
    expect(durabilityWarning('nonsense')).toBeNull();
  });
});
