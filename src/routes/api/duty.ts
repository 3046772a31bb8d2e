import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { ALL_CASE_CATEGORIES } from '../../domain/caseKinds.ts';
import { CLAIMANT_TYPES, FILING_TYPES } from '../../domain/filingTypes.ts';
import { DutyInputError, parseTenge, quoteDuty, type DutyInputErrorCode, type DutyQuote } from '../../domain/duty/calculator.ts';
import { ALIMONY_CLAIMS, EXEMPTION_CODES, FILER_STANDINGS } from '../../domain/duty/rates.ts';
import { tiynToDecimal } from '../../domain/money.ts';
import { SotError } from '../../errors.ts';
import { courtDateIso } from '../../i18n/format.ts';
import { loadReference } from '../../queries/reference.ts';
import { legalBasis } from '../../i18n/legalReference.ts';
import { ApiError, LegalBasis } from './schemas.ts';

const DutyQuoteQuery = Type.Object({
  filingType: Type.Enum(FILING_TYPES),
  claimantType: Type.Enum(CLAIMANT_TYPES),
  category: Type.Enum(ALL_CASE_CATEGORIES),
  amount: Type.Optional(
    Type.String({ description: 'Claim value in tenge, digits with at most two decimals after a point; empty is the same as absent', examples: ['1500000', '1500000.50'] }),
  ),
  date: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Payment date in Kazakhstan (YYYY-MM-DD); today when absent' })),
  exemption: Type.Optional(Type.Enum(EXEMPTION_CODES, { description: 'A ground for exemption the filer claims; labour claims and claims to recover alimony are exempt by category' })),
  standing: Type.Optional(
    Type.Enum(FILER_STANDINGS, { description: "The filer's standing in the case: most exemptions are the claimant's only (Tax Code 2026, Art. 668); `claimant` when absent" }),
  ),
  alimonyClaim: Type.Optional(Type.Enum(ALIMONY_CLAIMS, { description: 'In an alimony case: `recovery` (exempt, Art. 668(4)) or `other` (reduction, release: the claim pays its rate)' })),
  alsoPropertyDemand: Type.Optional(Type.Boolean({ description: 'A non-property claim that also carries a property demand of `amount`: both rates are due' })),
});

const DutyQuoteResponse = Type.Object(
  {
    amountKzt: Type.String({ pattern: '^\\d+\\.\\d{2}$', examples: ['15000.00'] }),
    amountTiyn: Type.Integer({ minimum: 0 }),
    basis: Type.String({ description: 'The article applied, in the compact English form; kept for existing clients, read `legalBasis`', examples: ['Tax Code 2026, Art. 665(1)(1)'], deprecated: true }),
    legalBasis: LegalBasis,
    ruleId: Type.String({ description: 'The rate or exemption row applied', examples: ['tc2026.property_individual'] }),
    exempt: Type.Boolean(),
    mciKzt: Type.Union([Type.Number(), Type.Null()], { description: "The monthly calculation index of the payment date's year; null when it is not entered and nothing needed it" }),
    description: Type.String({ description: "What is charged, or the ground of exemption, in the caller's language" }),
  },
  { $id: 'DutyQuote' },
);

function refusal(error: { code: DutyInputErrorCode; year?: number | undefined }): SotError {
  return new SotError(`duty_${error.code}`, error.year === undefined ? undefined : { year: error.year });
}

/** A day in Kazakhstan as an instant on it: noon is that day whatever the offset of the time. */
function paymentDate(day: string): Date | undefined {
  const date = new Date(`${day}T12:00:00+05:00`);
  return !Number.isNaN(date.getTime()) && courtDateIso(date) === day ? date : undefined;
}

function whatIsCharged(request: FastifyRequest, quote: DutyQuote): string {
  const { computation } = quote;
  return computation.kind === 'exempt' ? request.t(`duty.exemption.${computation.ground}`) : request.t(`duty.rule.${computation.rule}`);
}

export const dutyApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/duty/quote',
    {
      config: { access: 'public' },
      schema: {
        tags: ['duty'],
        summary: 'The state duty for a filing, with the article it is charged under',
        description:
          'Rates of the Tax Code in force on the payment date, at that day\'s MCI. Refusals are 400 with a message saying what to fix: ' +
          'a property claim without a value, a malformed value, a filing not made in that category, a date without known rates; ' +
          "422 when the MCI of the payment date's year has not been entered yet.",
        querystring: DutyQuoteQuery,
        response: { 200: DutyQuoteResponse, 400: ApiError, 422: ApiError },
      },
    },
    async (request) => {
      const { amount, date, standing, ...input } = request.query;
      const amountTiyn = amount ? parseTenge(amount) : undefined;
      if (amount && amountTiyn === undefined) throw refusal({ code: 'amount_invalid' });
      const paidOn = date === undefined ? app.clock() : paymentDate(date);
      if (!paidOn) throw new SotError('invalid_request', { detail: 'date is not a calendar date' });
      let quote: DutyQuote;
      try {
        quote = quoteDuty({ ...input, standing: standing ?? 'claimant', amountTiyn, date: paidOn }, (await loadReference(app.db)).mci);
      } catch (error) {
        if (error instanceof DutyInputError) throw refusal(error);
        throw error;
      }
      return {
        amountKzt: tiynToDecimal(quote.amountTiyn),
        amountTiyn: quote.amountTiyn,
        basis: quote.basis.article,
        legalBasis: legalBasis(quote.basis.article, request.lang),
        ruleId: quote.basis.ruleId,
        exempt: quote.exempt,
        mciKzt: quote.mciTenge,
        description: whatIsCharged(request, quote),
      };
    },
  );
};
