import type { GrantableRole, Principal, Role } from './principal.ts';

/**
 * How a principal stands to a case. Computed from the database (src/queries/caseRelations.ts);
 * here it is only a value the rules read.
 */
export const CASE_RELATIONS = ['party', 'representative', 'assigned_judge', 'court_staff', 'higher_court', 'unrelated'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

export type PolicyRequest =
  | { action: 'read'; resource: 'case'; relations: ReadonlySet<CaseRelation> }
  | { action: 'read'; resource: 'court_file'; relations: ReadonlySet<CaseRelation> }
  | { action: 'decide'; resource: 'familiarisation'; courtId: string; judgeId: string | null }
  | { action: 'add_material' | 'share_material'; resource: 'court_file'; courtId: string; judgeId: string | null }
  | { action: 'view'; resource: 'cabinet' }
  | { action: 'read' | 'update'; resource: 'profile'; ownerId: string }
  | { action: 'grant' | 'revoke' | 'cancel'; resource: 'role'; role: GrantableRole; courtId: string | null; granteeId: string }
  | { action: 'confirm'; resource: 'role'; role: GrantableRole; courtId: string | null; granteeId: string; proposedBy: string }
  | { action: 'view'; resource: 'person'; courtIds: readonly string[] }
  | { action: 'view'; resource: 'role_admin' }
  | { action: 'view'; resource: 'audit_log' }
  | { action: 'manage'; resource: 'reference' }
  | { action: 'file_in'; resource: 'case'; relations: ReadonlySet<CaseRelation> }
  | { action: 'read' | 'update' | 'submit' | 'pay'; resource: 'filing'; filerId: string }
  | { action: 'review'; resource: 'payment'; courtId: string }
  | { action: 'register'; resource: 'case'; courtId: string }
  | { action: 'serve'; resource: 'case'; courtId: string }
  | { action: 'decide'; resource: 'case'; courtId: string; judgeId: string | null }
  | { action: 'recuse'; resource: 'case'; courtId: string; judgeId: string | null }
  | { action: 'reassign'; resource: 'case'; courtId: string }
  | { action: 'confirm'; resource: 'reassignment'; courtId: string; chairId: string; currentJudgeId: string }
  | { action: 'send_copy'; resource: 'case'; courtId: string }
  | { action: 'forward_appeal'; resource: 'case'; courtId: string }
  | { action: 'manage'; resource: 'bench'; courtId: string }
  | { action: 'read' | 'receive' | 'attach' | 'enter_paper'; resource: 'filing_office'; courtId: string }
  | { action: 'manage'; resource: 'recordings'; courtId: string }
  | { action: 'watch'; resource: 'recording'; relations: ReadonlySet<CaseRelation>; closedHearing: boolean }
  | { action: 'review'; resource: 'judgment'; courtId: string; judgeId: string | null }
  | { action: 'view'; resource: 'judgment_queue' };

type Rule = {
  /** Roles the rule applies to; 'signed-in' means anyone with a session. */
  roles: readonly Role[] | 'signed-in';
  action: PolicyRequest['action'];
  resource: PolicyRequest['resource'];
  /** Further condition on the request; the rule allows only when it holds. */
  when?: (principal: Principal, request: PolicyRequest, role: Role | null) => boolean;
};

const related = (...wanted: CaseRelation[]) => (_: Principal, request: PolicyRequest) =>
  request.resource === 'case' && 'relations' in request && wanted.some((relation) => request.relations.has(relation));

/** Who may follow a hearing held in camera: its participants and the court. */
const CLOSED_HEARING_AUDIENCE: readonly CaseRelation[] = ['party', 'representative', 'assigned_judge', 'court_staff', 'higher_court'];

const chairs = (p: Principal, courtId: string) => p.roles.some((held) => held.role === 'court_chair' && held.courtId === courtId);
const sitsIn = (p: Principal, courtId: string) => p.roles.some((held) => held.role === 'judge' && held.courtId === courtId);
const administers = (p: Principal, courtId: string | null) => courtId !== null && p.roles.some((held) => held.role === 'court_admin' && held.courtId === courtId);
/** Nobody grants, confirms, cancels or revokes a role of their own. */
const notOwn = (p: Principal, r: PolicyRequest) => r.resource === 'role' && r.granteeId !== p.userId;

/**
 * Everything anyone may do, in one list. What is not allowed here is denied. Court staff act
 * only within their court: the relation `court_staff` already says the case is in that court.
 */
export const RULES: readonly Rule[] = [
  { roles: 'signed-in', action: 'view', resource: 'cabinet' },
  { roles: 'signed-in', action: 'read', resource: 'profile', when: (p, r) => r.resource === 'profile' && r.ownerId === p.userId },
  { roles: 'signed-in', action: 'update', resource: 'profile', when: (p, r) => r.resource === 'profile' && r.ownerId === p.userId },

  { roles: ['citizen', 'legal_representative'], action: 'read', resource: 'case', when: related('party') },
  { roles: ['citizen', 'lawyer'], action: 'read', resource: 'case', when: related('representative') },
  { roles: ['judge'], action: 'read', resource: 'case', when: related('assigned_judge', 'court_staff') },
  // Administration is not adjudication: a court's administrator keeps its staff and calendars
  // and reads none of its case files, documents or recordings.
  { roles: ['clerk', 'court_chair'], action: 'read', resource: 'case', when: related('court_staff') },
  // The staff of a court reviewing the case on appeal or cassation read the file under review.
  { roles: ['judge', 'clerk', 'court_chair'], action: 'read', resource: 'case', when: related('higher_court') },

  // The e-case file as the court keeps it (every document, signature checks, contacts): the
  // court that hears the case and a higher court reviewing it; never the parties, who read their
  // own case file in the cabinet, nor the court's administrator.
  {
    roles: ['judge', 'clerk', 'court_chair'],
    action: 'read',
    resource: 'court_file',
    when: (_, r, role) => r.resource === 'court_file' && 'relations' in r && (r.relations.has('court_staff') || r.relations.has('higher_court') || (role === 'judge' && r.relations.has('assigned_judge'))),
  },
  // The court's office of the case's court and the judge of the case add what reaches the court
  // to its file; the judge alone decides to share a kept material with the parties.
  {
    roles: ['clerk', 'judge'],
    action: 'add_material',
    resource: 'court_file',
    when: (p, r, role) =>
      r.resource === 'court_file' && 'courtId' in r && (role === 'judge' ? r.judgeId === p.userId && sitsIn(p, r.courtId) : p.roles.some((held) => held.role === 'clerk' && held.courtId === r.courtId)),
  },
  { roles: ['judge'], action: 'share_material', resource: 'court_file', when: (p, r) => r.resource === 'court_file' && 'courtId' in r && r.judgeId === p.userId && sitsIn(p, r.courtId) },
  // A party's request to read the case materials is answered by the judge who has the case.
  {
    roles: ['judge'],
    action: 'decide',
    resource: 'familiarisation',
    when: (p, r) => r.resource === 'familiarisation' && r.judgeId === p.userId && sitsIn(p, r.courtId),
  },

  // The judgment bank: the judge of the case and the office of its court check the
  // depersonalised text of an act and publish or withhold it, and answer correction requests.
  {
    roles: ['judge', 'clerk'],
    action: 'review',
    resource: 'judgment',
    when: (p, r, role) =>
      r.resource === 'judgment' && (role === 'judge' ? r.judgeId === p.userId && sitsIn(p, r.courtId) : p.roles.some((held) => held.role === 'clerk' && held.courtId === r.courtId)),
  },
  { roles: ['judge', 'clerk'], action: 'view', resource: 'judgment_queue' },

  // Appeals, complaints and petitions come from the case's parties and their accepted representatives.
  { roles: ['citizen', 'legal_representative'], action: 'file_in', resource: 'case', when: related('party') },
  { roles: ['citizen', 'lawyer'], action: 'file_in', resource: 'case', when: related('representative') },
  // A filing is its filer's until submitted; afterwards the court reads it as part of the case.
  ...(['read', 'update', 'submit', 'pay'] as const).map(
    (action): Rule => ({ roles: 'signed-in', action, resource: 'filing', when: (p, r) => r.resource === 'filing' && r.filerId === p.userId }),
  ),
  { roles: ['clerk', 'court_chair'], action: 'review', resource: 'payment', when: (p, r) => r.resource === 'payment' && p.roles.some((held) => ['clerk', 'court_chair'].includes(held.role) && held.courtId === r.courtId) },

  // The court office registers the cases of its own court.
  { roles: ['clerk', 'court_chair'], action: 'register', resource: 'case', when: (p, r) => r.resource === 'case' && 'courtId' in r && p.roles.some((held) => ['clerk', 'court_chair'].includes(held.role) && held.courtId === r.courtId) },

  // A submitted filing as the court sees it (data, documents, signature check): the staff who
  // handle it in that court. The office receives it, attaches it, or enters it from paper.
  { roles: ['clerk', 'court_chair', 'judge'], action: 'read', resource: 'filing_office', when: (p, r) => r.resource === 'filing_office' && p.roles.some((held) => ['clerk', 'court_chair', 'judge'].includes(held.role) && held.courtId === r.courtId) },
  ...(['receive', 'attach'] as const).map(
    (action): Rule => ({ roles: ['clerk', 'court_chair'], action, resource: 'filing_office', when: (p, r) => r.resource === 'filing_office' && p.roles.some((held) => ['clerk', 'court_chair'].includes(held.role) && held.courtId === r.courtId) }),
  ),
  // The office records the service of the court's papers on the parties (a court order's copy
  // handed to the debtor, CPC Art. 141(1)), in its own court.
  { roles: ['clerk', 'court_chair'], action: 'serve', resource: 'case', when: (p, r) => r.resource === 'case' && 'courtId' in r && p.roles.some((held) => ['clerk', 'court_chair'].includes(held.role) && held.courtId === r.courtId) },
  // The court that decided sends the case with its appeals up to the appellate court (CPC Art. 405(1)(2)):
  // its office, in its own court only; the appellate court cannot reach for it (Art. 405(2)).
  { roles: ['clerk', 'court_chair'], action: 'forward_appeal', resource: 'case', when: (p, r) => r.resource === 'case' && 'courtId' in r && p.roles.some((held) => ['clerk', 'court_chair'].includes(held.role) && held.courtId === r.courtId) },
  // Paper comes in over the counter, where the clerks sit.
  { roles: ['clerk'], action: 'enter_paper', resource: 'filing_office', when: (p, r) => r.resource === 'filing_office' && p.roles.some((held) => held.role === 'clerk' && held.courtId === r.courtId) },

  // The court office sends copies of decisions (the judge may record it too), in its own court only.
  {
    roles: ['clerk', 'judge'],
    action: 'send_copy',
    resource: 'case',
    when: (p, r) => r.resource === 'case' && r.action === 'send_copy' && p.roles.some((held) => ['clerk', 'judge'].includes(held.role) && held.courtId === r.courtId),
  },

  // Admission of a case is for the judge it was distributed to, sitting in that court.
  {
    roles: ['judge'],
    action: 'decide',
    resource: 'case',
    when: (p, r) => r.resource === 'case' && 'judgeId' in r && r.judgeId === p.userId && p.roles.some((held) => held.role === 'judge' && held.courtId === r.courtId),
  },

  // A judge steps down only from a case of their own, in the court they sit in.
  {
    roles: ['judge'],
    action: 'recuse',
    resource: 'case',
    when: (p, r) => r.resource === 'case' && 'judgeId' in r && r.judgeId === p.userId && p.roles.some((held) => held.role === 'judge' && held.courtId === r.courtId),
  },
  // The chair of a court answers for its bench: who hears what, who is away, and a change of
  // judge by hand. Never in another court, whatever else the person is.
  { roles: ['court_chair'], action: 'reassign', resource: 'case', when: (p, r) => r.resource === 'case' && 'courtId' in r && chairs(p, r.courtId) },
  { roles: ['court_chair'], action: 'manage', resource: 'bench', when: (p, r) => r.resource === 'bench' && chairs(p, r.courtId) },
  // A chair who moves a case to themselves needs another judge of the court to confirm it. Not the
  // judge who has the case: losing it lightens their load, or takes from them a case they want
  // to keep, so their word is no independent check of the chair's choice of themselves.
  {
    roles: ['judge'],
    action: 'confirm',
    resource: 'reassignment',
    when: (p, r) => r.resource === 'reassignment' && sitsIn(p, r.courtId) && p.userId !== r.chairId && p.userId !== r.currentJudgeId,
  },

  // A hearing's recordings are attached by the staff of the court that held it. Whoever may read
  // the case may watch them, except that a closed hearing stays with its participants and the court.
  { roles: ['clerk', 'judge', 'court_chair'], action: 'manage', resource: 'recordings', when: (p, r) => r.resource === 'recordings' && p.roles.some((held) => ['clerk', 'judge', 'court_chair'].includes(held.role) && held.courtId === r.courtId) },
  {
    roles: 'signed-in',
    action: 'watch',
    resource: 'recording',
    when: (p, r) =>
      r.resource === 'recording' &&
      can(p, { action: 'read', resource: 'case', relations: r.relations }) &&
      (!r.closedHearing || CLOSED_HEARING_AUDIENCE.some((relation) => r.relations.has(relation))),
  },

  { roles: ['system_admin', 'court_admin'], action: 'view', resource: 'role_admin' },
  // The audit chain's head and checks: the system's integrity, not one court's.
  { roles: ['system_admin'], action: 'view', resource: 'audit_log' },
  // The MCI, the court calendar and dated thresholds are national: the administrators keep them.
  { roles: ['system_admin', 'court_admin'], action: 'manage', resource: 'reference' },
  // The system administrator grants any role to anyone but themselves; a seat on the bench
  // (judge, chair) takes effect only when a second system administrator confirms it.
  ...(['grant', 'revoke', 'cancel'] as const).map((action): Rule => ({ roles: ['system_admin'], action, resource: 'role', when: notOwn })),
  {
    roles: ['system_admin'],
    action: 'confirm',
    resource: 'role',
    when: (p, r) => notOwn(p, r) && r.resource === 'role' && r.action === 'confirm' && r.proposedBy !== p.userId,
  },
  // A court's administrator manages the clerks of that court, and nobody on its bench or above it.
  ...(['grant', 'revoke'] as const).map(
    (action): Rule => ({
      roles: ['court_admin'],
      action,
      resource: 'role',
      when: (p, r) => notOwn(p, r) && r.resource === 'role' && r.role === 'clerk' && administers(p, r.courtId),
    }),
  ),
  // A person's roles and their history: any system administrator; a court's administrator for
  // the people bound to that court.
  { roles: ['system_admin'], action: 'view', resource: 'person' },
  { roles: ['court_admin'], action: 'view', resource: 'person', when: (p, r) => r.resource === 'person' && r.courtIds.some((courtId) => administers(p, courtId)) },
];

/** Deny by default: true only when some rule for one of the principal's roles allows. */
export function can(principal: Principal | null, request: PolicyRequest): boolean {
  if (!principal) return false;
  return RULES.some((rule) => {
    if (rule.action !== request.action || rule.resource !== request.resource) return false;
    const roles = rule.roles === 'signed-in' ? [null] : principal.roles.map((r) => r.role).filter((r) => (rule.roles as readonly Role[]).includes(r));
    return roles.some((role) => !rule.when || rule.when(principal, request, role));
  });
}
