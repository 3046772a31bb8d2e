import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { courts } from './courts.ts';
import { users } from './users.ts';

/** A step that needs a second person: waiting, done by the second person, or withdrawn. */
export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'cancelled'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
const statuses = sql.raw(PROPOSAL_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * A grant of a role that seats someone on the bench (judge, court chair), proposed by one system
 * administrator and effective only when a second confirms it. Until then it is not in
 * `user_roles`, so nothing that reads roles sees it. The checks hold even against a bug in the
 * command: nobody proposes for themselves, and the confirmer is neither the proposer nor the person.
 */
export const roleGrantProposals = pgTable(
  'role_grant_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('role_grant_proposals_role_check', sql`${t.role} in ('judge', 'court_chair')`),
    check('role_grant_proposals_status_check', sql`${t.status} in (${statuses})`),
    check('role_grant_proposals_not_own_check', sql`${t.proposedBy} <> ${t.userId}`),
    check(
      'role_grant_proposals_decision_check',
      sql`(${t.status} = 'pending') = (${t.decidedBy} is null) and (${t.status} <> 'confirmed' or (${t.decidedBy} <> ${t.proposedBy} and ${t.decidedBy} <> ${t.userId}))`,
    ),
    uniqueIndex('role_grant_proposals_pending_key').on(t.userId, t.role, t.courtId).where(sql`${t.status} = 'pending'`),
    index('role_grant_proposals_user_idx').on(t.userId),
  ],
);

/**
 * The chair's move of a case to themselves, waiting for another judge of the court to confirm it.
 * The case keeps its judge until then; `fromJudgeId` is the judge the chair saw, so a confirmation
 * after someone else moved the case fails rather than overriding what the chair never saw.
 */
export const selfAssignmentProposals = pgTable(
  'self_assignment_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    fromJudgeId: uuid('from_judge_id')
      .notNull()
      .references(() => users.id),
    /** The chair, who is both the one who proposes and the judge proposed. */
    chairId: uuid('chair_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('self_assignment_proposals_status_check', sql`${t.status} in (${statuses})`),
    check(
      'self_assignment_proposals_decision_check',
      sql`(${t.status} = 'pending') = (${t.decidedBy} is null) and (${t.status} <> 'confirmed' or (${t.decidedBy} <> ${t.chairId} and ${t.decidedBy} <> ${t.fromJudgeId}))`,
    ),
    uniqueIndex('self_assignment_proposals_pending_key').on(t.caseId).where(sql`${t.status} = 'pending'`),
    index('self_assignment_proposals_court_idx').on(t.courtId, t.status),
  ],
);
