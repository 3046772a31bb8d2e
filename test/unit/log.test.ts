import { describe, expect, it } from 'vitest';
import { redactIdentifiers } from '../../src/log.ts';

describe('log redaction', () => {
  it('blanks twelve-digit identifiers in URLs but keeps case numbers readable', () => {
    expect(redactIdentifiers('/api/v1/users/900315491000?x=1')).toBe('/api/v1/users/[redacted]?x=1');
    expect(redactIdentifiers('/case-status?number=7517-24-00-2%2F101')).toBe('/case-status?number=7517-24-00-2%2F101');
    expect(redactIdentifiers('iin=900315491000&bin=110540090014')).toBe('iin=[redacted]&bin=[redacted]');
  });
});
