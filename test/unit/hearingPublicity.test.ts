import { describe, expect, it } from 'vitest';
import { ageOn, hearingParties, iinBirthDate, partiesWithheld, partyMayBeNamed, type PartyForList } from '../../src/domain/hearingPublicity.ts';

const person = (iin: string | null, role: PartyForList['role'] = 'claimant', displayName = 'Person'): PartyForList => ({ role, displayName, iin, organisation: false });

describe('hearing list publicity (CPC Art. 19)', () => {
  it('reads the birth date an IIN suggests, with its century', () => {
    expect(iinBirthDate('900315400001')).toBe('1990-03-15');
    expect(iinBirthDate('100203600001')).toBe('2010-02-03');
    expect(iinBirthDate('991231100001')).toBe('1899-12-31');
    // Century digit 0 (some foreigners), 31 February, not 12 digits: no birth date.
    expect(iinBirthDate('900315000001')).toBeNull();
    expect(iinBirthDate('900231300001')).toBeNull();
    expect(iinBirthDate('90031530000')).toBeNull();
  });

  it('counts age in whole years, the birthday itself completing the year', () => {
    expect(ageOn('2008-03-15', '2026-03-14')).toBe(17);
    expect(ageOn('2008-03-15', '2026-03-15')).toBe(18);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });

  it('withholds every party of a closed hearing and of adoption, with the article', () => {
    expect(partiesWithheld({ closedHearing: true, category: 'property' })).toEqual({ reason: 'closed_hearing', article: 'CPC Art. 19(2)' });
    expect(partiesWithheld({ closedHearing: false, category: 'adoption' })).toEqual({ reason: 'private_matter', article: 'CPC Art. 19(2)' });
    expect(partiesWithheld({ closedHearing: false, category: 'property' })).toBeNull();
    const shown = hearingParties({ closedHearing: true, category: 'property' }, [person('900315300001')], '2026-03-16');
    expect(shown).toEqual({ withheld: 'closed_hearing', article: 'CPC Art. 19(2)' });
    expect(JSON.stringify(shown)).not.toContain('Person');
  });

  it('never names a party under 18 on the hearing day, and names them from their birthday', () => {
    const teen = person('080315500001');
    expect(partyMayBeNamed(teen, '2026-03-14')).toBe(false);
    expect(partyMayBeNamed(teen, '2026-03-15')).toBe(true);
  });

  it('leaves out an individual whose IIN gives no birth date, or who has no IIN', () => {
    expect(partyMayBeNamed(person('900315000001'), '2026-03-16')).toBe(false);
    expect(partyMayBeNamed(person(null), '2026-03-16')).toBe(false);
  });

  it('names organisations and adults, never representatives or lawyers', () => {
    expect(partyMayBeNamed({ role: 'defendant', displayName: 'Bank', iin: null, organisation: true }, '2026-03-16')).toBe(true);
    expect(partyMayBeNamed(person('900315300001', 'lawyer'), '2026-03-16')).toBe(false);
    expect(partyMayBeNamed(person('900315300001', 'representative'), '2026-03-16')).toBe(false);
  });

  it('lists named parties in role order and counts those left out', () => {
    const result = hearingParties(
      { closedHearing: false, category: 'property' },
      [person('900315300001', 'defendant', 'Adult D'), person('150101500001', 'claimant', 'Child C'), { role: 'claimant', displayName: 'Company', iin: null, organisation: true }, person('800101300001', 'lawyer', 'Lawyer L')],
      '2026-03-16',
    );
    expect(result).toEqual({ withheld: null, named: [{ role: 'claimant', name: 'Company' }, { role: 'defendant', name: 'Adult D' }], unnamed: 1 });
  });
});
