import { describe, expect, it } from 'vitest';
import { redactIdentifiers, redactPersonalData, serializeError } from '../../src/log.ts';

describe('log redaction', () => {
  it('blanks twelve-digit identifiers in URLs but keeps case numbers readable', () => {
    expect(redactIdentifiers('/api/v1/users/900315491000?x=1')).toBe('/api/v1/users/[redacted]?x=1');
    expect(redactIdentifiers('/case-status?number=7517-24-00-2%2F101')).toBe('/case-status?number=7517-24-00-2%2F101');
    expect(redactIdentifiers('iin=900315491000&bin=110540090014')).toBe('iin=[redacted]&bin=[redacted]');
  });
});

describe('personal data in log lines', () => {
  it('blanks IINs, e-mail addresses and phone numbers, also as they appear in addresses', () => {
    expect(redactPersonalData('to aigul.n+1@mail.kz and +7 701 555 01 01, 8(701)5550101, 87015550101')).toBe('to [e-mail] and [phone], [phone], [phone]');
    expect(redactPersonalData('/profile?address=a%40b.kz&phone=%2B77015550101')).toBe('/profile?address=[e-mail]&phone=[phone]');
    expect(redactPersonalData('case 7517-24-00-2/101, 2026-11-25T05:00:00.000Z, port 5432')).toBe('case 7517-24-00-2/101, 2026-11-25T05:00:00.000Z, port 5432');
  });
});

describe('errors in the log', () => {
  it('reduces a database error, wherever it is wrapped, to its code and constraint', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_iin_unique"'), {
      code: '23505',
      severity: 'ERROR',
      constraint: 'users_iin_unique',
      table: 'users',
      detail: 'Key (iin)=(900315491000) already exists.',
      routine: '_bt_check_unique',
    });
    const failed = Object.assign(new Error('Failed query: insert into "users" ("iin") values ($1)\nparams: 900315491000,+77015550101'), { cause });
    const logged = serializeError(failed);
    expect(logged).toMatchObject({ message: 'database error 23505', database: { code: '23505', constraint: 'users_iin_unique', table: 'users', routine: '_bt_check_unique' } });
    expect(JSON.stringify(logged)).not.toMatch(/900315491000|7015550101|insert into|Key \(iin\)/);
  });

  it('keeps other errors readable with personal data blanked, causes included', () => {
    const logged = serializeError(new Error('550 mailbox aigul@mail.kz unavailable', { cause: new Error('IIN 900315491000') }));
    expect(logged.message).toBe('550 mailbox [e-mail] unavailable');
    expect(logged.stack).toContain('at ');
    expect(JSON.stringify(logged)).not.toMatch(/aigul@mail\.kz|900315491000/);
    expect(serializeError('plain text +77015550101').message).toBe('plain text [phone]');
  });
});
