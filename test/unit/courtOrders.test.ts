import { describe, expect, it } from 'vitest';
import { COURT_ORDER_DEMAND_RULES, COURT_ORDER_DEMANDS, demandArticle, isCourtOrderDemand, objectionInTime, receiptDay } from '../../src/domain/courtOrders.ts';
import { actEffect } from '../../src/domain/courtActs.ts';
import { fieldProblems, missingForSubmit } from '../../src/domain/filingFields.ts';
import { asksAmount, resumeStep, stepsOf } from '../../src/domain/filingSteps.ts';

describe('the demands a court order is issued on (CPC Art. 135)', () => {
  it('lists the subparagraphs in force, once each, and none that was struck out', () => {
    const subparagraphs = COURT_ORDER_DEMANDS.map((d) => COURT_ORDER_DEMAND_RULES[d].subparagraph);
    expect(subparagraphs).toEqual([1, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 21]);
    // 2) pension contributions, 5) notarised and 6) advocates' agreements, 18) criminal procedure costs: struck out.
    for (const gone of [2, 5, 6, 18]) expect(subparagraphs).not.toContain(gone);
    for (const demand of COURT_ORDER_DEMANDS) expect(COURT_ORDER_DEMAND_RULES[demand].code).toBe(demand);
  });

  it('cites each demand by its subparagraph', () => {
    expect(demandArticle('child_alimony')).toBe('CPC Art. 135(4)');
    expect(demandArticle('other_pretrial_agreement')).toBe('CPC Art. 135(21)');
  });

  it('knows no ordinary property, wage or damages demand', () => {
    for (const demand of ['property', 'wages', 'labour', 'damages', 'other', '']) expect(isCourtOrderDemand(demand)).toBe(false);
    expect(isCourtOrderDemand('customs_tax_debts')).toBe(true);
  });

  it('exempts only children\'s alimony from the duty', () => {
    expect(COURT_ORDER_DEMANDS.filter((d) => COURT_ORDER_DEMAND_RULES[d].exemption)).toEqual(['child_alimony']);
  });

  it('asks the sum of a recovery, the value of an agreement that has one, and nothing of alimony or a refutation', () => {
    expect(asksAmount('court_order_application', 'court_order', 'customs_tax_debts')).toBe(true);
    expect(asksAmount('court_order_application', 'court_order', 'business_agreement')).toBe(true);
    expect(asksAmount('court_order_application', 'court_order', 'child_alimony')).toBe(false);
    expect(asksAmount('court_order_application', 'court_order', 'refutation_agreement')).toBe(false);
    expect(asksAmount('court_order_application', 'court_order', undefined)).toBe(false);
  });
});

describe('an application for a court order as a filing', () => {
  const base = { category: 'court_order' as const, parties: [{ side: 'defendant' as const, kind: 'individual' as const, name: 'ДОЛЖНИК' }], subject: 'Взыскание', text: 'Прошу' };

  it('asks the demand on its own page instead of a category', () => {
    expect(stepsOf('court_order_application')).toEqual(['court', 'demand', 'parties', 'representative', 'claim', 'attachments', 'duty', 'check']);
    expect(stepsOf('claim')).not.toContain('demand');
    expect(resumeStep('court_order_application', { category: 'court_order' }, { hasCourt: true, attachmentCount: 0 })).toBe('demand');
  });

  it('refuses any category but its own, and a court-order demand on a claim', () => {
    expect(fieldProblems({ category: 'property' }, 'court_order_application')).toEqual([{ field: 'courtOrderDemand', code: 'court_order_demand_not_listed' }]);
    expect(fieldProblems({ category: 'court_order', courtOrderDemand: 'state_grant' }, 'court_order_application')).toEqual([]);
    expect(fieldProblems({ category: 'court_order' }, 'claim')).toEqual([{ field: 'category', code: 'court_order_demand_not_listed' }]);
  });

  it('is not complete without its demand, nor without the sum of a recovery', () => {
    const context = { hasCourt: true, hasCase: false, attachmentCount: 1 };
    expect(missingForSubmit('court_order_application', base, context)).toEqual(['courtOrderDemand']);
    expect(missingForSubmit('court_order_application', { ...base, courtOrderDemand: 'customs_tax_debts' }, context)).toEqual(['amount']);
    expect(missingForSubmit('court_order_application', { ...base, courtOrderDemand: 'child_alimony' }, context)).toEqual([]);
    expect(missingForSubmit('court_order_application', { ...base, courtOrderDemand: 'consumer_agreement' }, context)).toEqual([]);
  });
});

describe('the court order and the debtor\'s objection (CPC Arts 139–143)', () => {
  it('is issued only in a court-order case, without a hearing, and waits for the debtor', () => {
    expect(actEffect({ kind: 'court_order' }, 1, 'assigned', 'court_order')).toEqual({ path: ['order_issued'], opens: [], closes: ['court_order_issued'] });
    expect(actEffect({ kind: 'court_order' }, 1, 'accepted', 'court_order')).toMatchObject({ path: ['order_issued'] });
    expect(actEffect({ kind: 'court_order' }, 1, 'accepted', 'property')).toEqual({ refused: 'court_order_not_applied_for' });
    expect(actEffect({ kind: 'court_order' }, 1, 'order_issued', 'court_order')).toEqual({ refused: 'act_not_allowed_now' });
    expect(actEffect({ kind: 'court_order' }, 2, 'accepted', 'court_order')).toEqual({ refused: 'act_kind_not_allowed' });
  });

  it('is cancelled by the judge\'s ruling once an objection came in time', () => {
    expect(actEffect({ kind: 'ruling' }, 1, 'order_objected', 'court_order')).toEqual({ path: ['order_cancelled'], opens: [], closes: ['court_order_cancellation'] });
    expect(actEffect({ kind: 'ruling' }, 1, 'order_issued', 'court_order')).toEqual({ path: [], opens: [], closes: [] });
    expect(actEffect({ kind: 'ruling' }, 1, 'order_cancelled', 'court_order')).toEqual({ refused: 'act_not_allowed_now' });
  });

  it('takes an objection up to and on the term\'s last day, and before receipt was recorded', () => {
    expect(objectionInTime({ dueOn: '2026-11-04' }, '2026-11-03')).toBe(true);
    expect(objectionInTime({ dueOn: '2026-11-04' }, '2026-11-04')).toBe(true);
    expect(objectionInTime({ dueOn: '2026-11-04' }, '2026-11-05')).toBe(false);
    expect(objectionInTime(null, '2026-11-05')).toBe(true);
  });

  it('runs the term from the first receipt, whichever way it came', () => {
    expect(receiptDay(null, '2026-10-20')).toEqual({ day: '2026-10-20', moved: true });
    expect(receiptDay('2026-10-20', '2026-10-22')).toEqual({ day: '2026-10-20', moved: false });
    expect(receiptDay('2026-10-22', '2026-10-20')).toEqual({ day: '2026-10-20', moved: true });
    expect(receiptDay('2026-10-20', '2026-10-20')).toEqual({ day: '2026-10-20', moved: false });
  });
});
