import { describe, expect, it } from 'vitest';
import { alertRecipients, isPublicEvent, publiclyFollowable, type Contactable, type FollowChoice } from '../../src/domain/caseAlerts.ts';

const person = (userId: string, extra: Partial<Contactable> = {}): Contactable => ({ userId, hasEmail: true, hasPhone: true, notifyByEmail: true, notifyBySms: false, ...extra });
const follow = (userId: string, extra: Partial<FollowChoice> = {}): FollowChoice & Contactable => ({ ...person(userId), active: true, byEmail: false, bySms: true, publicOnly: true, ...extra });
const open = { closedHearing: false, category: 'property' };
const none = new Set<string>();

describe('who hears of a case event', () => {
  it('tells a participant by the app and the profile’s channels, and a public follower by the chosen ones', () => {
    const got = alertRecipients({ event: { type: 'hearing_scheduled', actorId: 'judge' }, case: open, participants: [person('party')], follows: [follow('stranger')], alreadyTold: none });
    expect(got).toEqual([
      { userId: 'party', audience: 'participant', channels: ['in_app', 'email'] },
      { userId: 'stranger', audience: 'public', channels: ['in_app', 'sms'] },
    ]);
  });

  it('keeps events the public page does not show from public followers', () => {
    const got = alertRecipients({ event: { type: 'material_added', actorId: null }, case: open, participants: [person('party')], follows: [follow('stranger')], alreadyTold: none });
    expect(got.map((r) => r.userId)).toEqual(['party']);
    expect(isPublicEvent({ type: 'document_issued', actorId: null, status: 'decided' })).toBe(true);
    expect(isPublicEvent({ type: 'document_issued', actorId: null })).toBe(false);
  });

  it('tells no public follower of a closed hearing or a secret matter', () => {
    expect(publiclyFollowable({ closedHearing: true, category: 'property' })).toBe(false);
    expect(publiclyFollowable({ closedHearing: false, category: 'adoption' })).toBe(false);
    const got = alertRecipients({ event: { type: 'status_changed', actorId: null }, case: { closedHearing: true, category: 'property' }, participants: [person('party')], follows: [follow('stranger')], alreadyTold: none });
    expect(got.map((r) => r.userId)).toEqual(['party']);
  });

  it('skips whoever caused the event, a participant a command told already, and a participant who turned alerts off', () => {
    const got = alertRecipients({
      event: { type: 'filing_submitted', actorId: 'filer' },
      case: open,
      participants: [person('filer'), person('told'), person('off'), person('choosy')],
      follows: [follow('off', { active: false, publicOnly: false }), follow('choosy', { publicOnly: false, byEmail: false, bySms: true })],
      alreadyTold: new Set(['told']),
    });
    expect(got).toEqual([{ userId: 'choosy', audience: 'participant', channels: ['in_app', 'sms'] }]);
  });

  it('sends e-mail and SMS only to verified contacts, and never turns a former participant’s row into a public follow', () => {
    const got = alertRecipients({
      event: { type: 'status_changed', actorId: null },
      case: open,
      participants: [person('unverified', { hasEmail: false })],
      follows: [follow('former', { publicOnly: false })],
      alreadyTold: none,
    });
    expect(got).toEqual([{ userId: 'unverified', audience: 'participant', channels: ['in_app'] }]);
  });
});
