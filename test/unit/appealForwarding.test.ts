import { describe, expect, it } from 'vitest';
import { appealRoles, mayForwardAppeal } from '../../src/domain/appealForwarding.ts';

describe('sending the case up with its appeals (CPC Art. 405(1)(2))', () => {
  const caseTerm = (dueOn: string) => ({ kind: 'appeal', dueOn, partyId: null });

  it('refuses while the case’s appeal term runs, its last day included', () => {
    expect(mayForwardAppeal([caseTerm('2026-03-10')], 1, '2026-03-10')).toEqual({ ok: false, reason: 'appeal_term_running', until: '2026-03-10' });
    expect(mayForwardAppeal([caseTerm('2026-03-10')], 1, '2026-03-11')).toEqual({ ok: true });
  });

  it('waits for the latest term of every party, an absent party’s own month included', () => {
    const open = [caseTerm('2026-03-10'), { kind: 'appeal', dueOn: '2026-03-20', partyId: 'p2' }];
    expect(mayForwardAppeal(open, 1, '2026-03-15')).toEqual({ ok: false, reason: 'appeal_term_running', until: '2026-03-20' });
    expect(mayForwardAppeal(open, 2, '2026-03-21')).toEqual({ ok: true });
  });

  it('waits while a copy of the decision is yet to be sent to an absent party, whose month has not started', () => {
    const open = [caseTerm('2026-03-10'), { kind: 'decision_copies_sent', dueOn: '2026-02-14', partyId: 'p2' }];
    expect(mayForwardAppeal(open, 1, '2026-04-01')).toEqual({ ok: false, reason: 'decision_copy_not_sent' });
  });

  it('has nothing to send without an appeal waiting', () => {
    expect(mayForwardAppeal([caseTerm('2026-03-10')], 0, '2026-04-01')).toEqual({ ok: false, reason: 'no_appeal' });
  });
});

describe('appellant and respondent in the appellate case', () => {
  const parties = [
    { id: 'c', role: 'claimant', representsPartyId: null },
    { id: 'd', role: 'defendant', representsPartyId: null },
    { id: 'x', role: 'third_party', representsPartyId: null },
    { id: 'r', role: 'representative', representsPartyId: 'd' },
  ];

  it('makes the party who appealed the appellant and the other side the respondent; a third party and a representative carry no standing of their own', () => {
    const roles = appealRoles(parties, new Set(['d']));
    expect(Object.fromEntries(roles)).toEqual({ c: 'respondent', d: 'appellant', x: null, r: null });
  });

  it('makes both sides appellants when both appealed', () => {
    const roles = appealRoles(parties, new Set(['c', 'd']));
    expect([roles.get('c'), roles.get('d')]).toEqual(['appellant', 'appellant']);
  });

  it('makes a third party who appealed an appellant', () => {
    expect(appealRoles(parties, new Set(['x'])).get('x')).toBe('appellant');
  });
});
