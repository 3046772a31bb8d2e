import { createHash, randomBytes } from 'node:crypto';
import { verifyCodeOf } from '../domain/talonNumber.ts';

/** 32 random bytes, base64url: for session ids and sign-in challenges. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored hashed; the raw value exists only in the person's browser. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new code for the public check page of a talon or a court act (`/verify/<code>`). */
export function newVerifyCode(): string {
  return verifyCodeOf(randomBytes(12));
}
