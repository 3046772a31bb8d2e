import { describe, expect, it } from 'vitest';
import { reviewRoute, type RoutingCourt } from '../../src/domain/reviewRouting.ts';

const COURTS: RoutingCourt[] = [
  { id: 'supreme', level: 4, parentId: null, caseKinds: ['civil', 'criminal', 'administrative', 'administrative_offence'] },
  { id: 'cass-civil', level: 3, parentId: 'supreme', caseKinds: ['civil'] },
  { id: 'cass-criminal', level: 3, parentId: 'supreme', caseKinds: ['criminal', 'administrative_offence'] },
  { id: 'cass-admin', level: 3, parentId: 'supreme', caseKinds: ['administrative'] },
  { id: 'almaty-city', level: 2, parentId: null, caseKinds: ['civil', 'criminal', 'administrative', 'administrative_offence'] },
  { id: 'medeu', level: 1, parentId: 'almaty-city', caseKinds: ['civil', 'criminal'] },
  { id: 'orphan', level: 1, parentId: null, caseKinds: ['civil'] },
];

describe('review routing', () => {
  it('sends an appeal to the parent court of the deciding court while the appeal window is open', () => {
    expect(reviewRoute('appeal', { courtId: 'medeu', kind: 'civil', instance: 1, status: 'appeal_window' }, COURTS)).toEqual({ ok: true, courtId: 'almaty-city', instance: 2 });
  });

  it('refuses an appeal once the decision is in force, before it is final, and on a higher court’s act', () => {
    for (const status of ['in_force', 'decided', 'hearing_scheduled', 'appealed'] as const) {
      expect(reviewRoute('appeal', { courtId: 'medeu', kind: 'civil', instance: 1, status }, COURTS)).toEqual({ ok: false, reason: 'not_open_to_review' });
    }
    expect(reviewRoute('appeal', { courtId: 'almaty-city', kind: 'civil', instance: 2, status: 'appeal_window' }, COURTS).ok).toBe(false);
  });

  it('has no appeal court when the data names none', () => {
    expect(reviewRoute('appeal', { courtId: 'orphan', kind: 'civil', instance: 1, status: 'appeal_window' }, COURTS)).toEqual({ ok: false, reason: 'no_review_court' });
  });

  it('sends a cassation complaint to the cassation court for the kind of proceedings', () => {
    expect(reviewRoute('cassation', { courtId: 'almaty-city', kind: 'civil', instance: 2, status: 'in_force' }, COURTS)).toMatchObject({ courtId: 'cass-civil', instance: 3 });
    expect(reviewRoute('cassation', { courtId: 'medeu', kind: 'administrative_offence', instance: 1, status: 'in_force' }, COURTS)).toMatchObject({ courtId: 'cass-criminal' });
    expect(reviewRoute('cassation', { courtId: 'almaty-city', kind: 'administrative', instance: 2, status: 'in_force' }, COURTS)).toMatchObject({ courtId: 'cass-admin' });
    expect(reviewRoute('cassation', { courtId: 'almaty-city', kind: 'civil', instance: 2, status: 'appeal_window' }, COURTS).ok).toBe(false);
  });

  it('sends a cassation court’s act in force to the Supreme Court for review', () => {
    expect(reviewRoute('supreme_review', { courtId: 'cass-civil', kind: 'civil', instance: 3, status: 'in_force' }, COURTS)).toEqual({ ok: true, courtId: 'supreme', instance: 4 });
    expect(reviewRoute('supreme_review', { courtId: 'almaty-city', kind: 'civil', instance: 2, status: 'in_force' }, COURTS).ok).toBe(false);
  });
});
