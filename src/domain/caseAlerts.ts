import type { CaseStatus } from './caseStatus.ts';
import { PRIVATE_CATEGORIES } from './judgments.ts';

/**
 * Who hears of a new event in a case, and by which channels.
 *
 * A participant (a party with an account, an accepted representative or lawyer: the rule of
 * `caseParticipants`) follows their cases without asking, in the app and by the e-mail and SMS
 * their profile keeps on, unless a choice of their own for that case says otherwise. They hear of
 * every event of the case, as the case page's history shows them all. A legal entity that is a
 * party has no account: the people who act for it (who filed in the case for it, or followed the
 * case signed in with its BIN) are its participants while it stays a party (`caseParticipantPairs`).
 *
 * Anyone else follows a case only from its public status page, and only while the case is public:
 * a case heard in a closed hearing, or a matter the law keeps secret whatever the parties ask, is
 * not (CPC Art. 19(2); the same rule keeps them out of the judgment bank). Such a follower hears
 * only of what the public status page shows: the status, the judge, the next hearing.
 *
 * Once per event and person: the one who caused the event is not told of it, and a participant a
 * command already sent its own notice for the same happening (same case, same instant, written in
 * the same transaction) gets nothing more, so a legally required notice is never doubled by e-mail
 * or SMS, nor its entry in the notification centre.
 */

export const ALERT_CHANNELS = ['in_app', 'email', 'sms'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export interface AlertableCase {
  closedHearing: boolean;
  category: string;
}

/** Whether someone who takes no part in the case may follow it. */
export function publiclyFollowable(c: AlertableCase): boolean {
  return !c.closedHearing && PRIVATE_CATEGORIES[c.category] === undefined;
}

/** The events that change what the public status page shows, whatever status they bring. */
const PUBLIC_EVENT_TYPES: ReadonlySet<string> = new Set(['status_changed', 'judge_assigned', 'hearing_scheduled', 'hearing_postponed', 'hearing_closed']);

export interface AlertEvent {
  type: string;
  actorId: string | null;
  /** The status the event left the case in, when status changes were folded into it (`foldTimeline`). */
  status?: CaseStatus | undefined;
}

/** An event a follower who takes no part in the case hears of: it moved the status or the hearings. */
export function isPublicEvent(event: AlertEvent): boolean {
  return PUBLIC_EVENT_TYPES.has(event.type) || event.status !== undefined;
}

export interface Contactable {
  userId: string;
  /** A verified e-mail address / phone number. */
  hasEmail: boolean;
  hasPhone: boolean;
  /** The profile's choice, which a participant's cases follow until they choose per case. */
  notifyByEmail: boolean;
  notifyBySms: boolean;
}

export interface FollowChoice {
  userId: string;
  active: boolean;
  byEmail: boolean;
  bySms: boolean;
  publicOnly: boolean;
}

export interface AlertRecipient {
  userId: string;
  audience: 'participant' | 'public';
  channels: AlertChannel[];
}

function channelsFor(person: Contactable, byEmail: boolean, bySms: boolean): AlertChannel[] {
  const channels: AlertChannel[] = ['in_app'];
  if (byEmail && person.hasEmail) channels.push('email');
  if (bySms && person.hasPhone) channels.push('sms');
  return channels;
}

export function alertRecipients(input: {
  event: AlertEvent;
  case: AlertableCase;
  participants: readonly Contactable[];
  /** Rows of `case_follows` for this case, with the follower's contacts. */
  follows: readonly (FollowChoice & Contactable)[];
  /** Participants a command already gave notice of this happening. */
  alreadyTold: ReadonlySet<string>;
}): AlertRecipient[] {
  const { event } = input;
  const choices = new Map(input.follows.map((f) => [f.userId, f]));
  const recipients: AlertRecipient[] = [];
  const participantIds = new Set<string>();
  for (const person of input.participants) {
    if (participantIds.has(person.userId)) continue;
    participantIds.add(person.userId);
    const choice = choices.get(person.userId);
    if (person.userId === event.actorId || input.alreadyTold.has(person.userId) || (choice && !choice.active)) continue;
    const channels = choice ? channelsFor(person, choice.byEmail, choice.bySms) : channelsFor(person, person.notifyByEmail, person.notifyBySms);
    recipients.push({ userId: person.userId, audience: 'participant', channels });
  }
  if (!publiclyFollowable(input.case) || !isPublicEvent(event)) return recipients;
  for (const follow of input.follows) {
    // A participant's own row (one made for an entity by its BIN too), kept after they stopped taking part, does not become a public follow.
    if (participantIds.has(follow.userId) || !follow.active || !follow.publicOnly || follow.userId === event.actorId) continue;
    recipients.push({ userId: follow.userId, audience: 'public', channels: channelsFor(follow, follow.byEmail, follow.bySms) });
  }
  return recipients;
}
