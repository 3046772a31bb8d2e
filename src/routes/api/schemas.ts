import Type from 'typebox';
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
