import Type from 'typebox';
import { LEGAL_CODES } from '../../domain/legalReference.ts';
import { ERRORS } from '../../errors.ts';

/** The one shape of every API error. */
export const ApiError = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(Object.keys(ERRORS) as (keyof typeof ERRORS)[]),
      message: Type.String({ description: "In the caller's language (Accept-Language or the lang cookie)" }),
    }),
  },
  { $id: 'ApiError' },
);

/** A legal reference (src/domain/legalReference.ts): its parts, and `text` cited in the caller's language. */
export const LegalBasis = Type.Object(
  {
    code: Type.Union([Type.Enum(LEGAL_CODES), Type.Null()], { description: '`cpc`: the Civil Procedure Code of 31 October 2015; `tax_code`: the Tax Code; null when the basis is not a reference Sot reads' }),
    edition: Type.Union([Type.Integer(), Type.Null()], { description: "The year of the code's edition where it matters (the Tax Codes of 2017 and 2026)", examples: [2026] }),
    article: Type.Union([Type.String(), Type.Null()], { examples: ['665'] }),
    part: Type.Union([Type.String(), Type.Null()], { description: "The article's part (CPC) or paragraph (Tax Code)", examples: ['1'] }),
    subparagraphs: Type.Array(Type.String(), { examples: [['1']] }),
    text: Type.String({
      description: "The citation in the caller's language (Accept-Language or the lang cookie, else Kazakh)",
      examples: ['подп. 1) п. 1 ст. 665 Налогового кодекса РК'],
    }),
  },
  { $id: 'LegalBasis' },
);
