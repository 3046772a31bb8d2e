import type { CaseStatus } from './caseStatus.ts';
import type { CourtActKind, DecisionForm } from './courtActs.ts';

/**
 * What the public judgment bank may hold, and when.
 *
 * CPC Art. 19(9): court acts that have entered into force are published on the court's internet
 * resource, within the limits of Art. 19(2) and other laws. Art. 19(2): cases holding state
 * secrets are heard and decided in a closed hearing, and on a participant's motion so are cases
 * where the secrecy of adoption, private life, personal, family, commercial or other secret
 * protected by law must be kept. Hence:
 *  - the bank takes the acts that decide a case (Art. 21(1)): a first-instance decision in its
 *    final form (the operative part announced in the courtroom is replaced by it, Art. 223), a
 *    court order, and a higher court's resolution. Rulings (определения) are procedural and stay
 *    out;
 *  - nothing from a case heard in a closed hearing, nor from a matter the law keeps secret
 *    whatever the parties ask (adoption, Art. 19(2) and the Code on Marriage and Family on the
 *    secrecy of adoption): `PRIVATE_CATEGORIES`, kept as data so an operator can add to it;
 *  - an act is prepared for the bank when it is issued (depersonalised, reviewed), but is
 *    published only once in force: a first-instance decision or court order after its terms
 *    ran, a higher court's resolution when announced (Art. 431). A decision set aside is never
 *    in force and so never published.
 */

/** A span of the text a reviewer should look at, as the depersonaliser reports it. */
export interface JudgmentFlag {
  start: number;
  end: number;
  reason: string;
}

export const JUDGMENT_STATUSES = ['needs_text', 'pending_review', 'published', 'withheld'] as const;
export type JudgmentStatus = (typeof JUDGMENT_STATUSES)[number];

export const JUDGMENT_LANGUAGES = ['kk', 'ru'] as const;
export type JudgmentLanguage = (typeof JUDGMENT_LANGUAGES)[number];

/** Case categories whose acts are never public, with the rule that keeps them so. */
export const PRIVATE_CATEGORIES: Readonly<Record<string, string>> = {
  adoption: 'CPC Art. 19(2)',
  state_secrets: 'CPC Art. 19(2)',
};

export type PublicationRefusal = 'not_a_final_act' | 'closed_hearing' | 'private_matter';

export interface ActForBank {
  kind: CourtActKind;
  decisionForm: DecisionForm | null;
  closedHearing: boolean;
  category: string;
}

/** Why the act may not enter the bank at all, with the article; null when it may. */
export function publicationRefusal(act: ActForBank): { refused: PublicationRefusal; article: string } | null {
  const final = (act.kind === 'decision' && act.decisionForm === 'final') || act.kind === 'court_order' || act.kind === 'resolution';
  if (!final) return { refused: 'not_a_final_act', article: 'CPC Art. 21(1)' };
  if (act.closedHearing) return { refused: 'closed_hearing', article: 'CPC Art. 19(2)' };
  const kept = PRIVATE_CATEGORIES[act.category];
  if (kept) return { refused: 'private_matter', article: kept };
  return null;
}

const IN_FORCE: readonly CaseStatus[] = ['in_force', 'archived'];

/**
 * Whether the act is in force now (CPC Art. 19(9)): a higher court's resolution from its
 * announcement (Art. 431); a first-instance act once its case is in force.
 */
export function actInForce(kind: CourtActKind, caseStatus: CaseStatus): boolean {
  return kind === 'resolution' || IN_FORCE.includes(caseStatus);
}

/** Which language a text is in, as far as the search needs: Kazakh letters mark Kazakh. */
export function judgmentLanguage(text: string): JudgmentLanguage {
  const kazakh = text.match(/[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g)?.length ?? 0;
  const cyrillic = text.match(/[а-яё]/gi)?.length ?? 0;
  return cyrillic > 0 && kazakh / cyrillic > 0.01 ? 'kk' : 'ru';
}

export const REVIEW_REASON_MAX = 1000;
export const CORRECTION_MAX = 2000;
export const JUDGMENT_TEXT_MAX = 200_000;
