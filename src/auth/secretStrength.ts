/**
 * Whether a secret an operator chose is hard enough to guess to sign sessions and cookies with.
 * Length alone says little ("a" forty times is forty characters), so the estimate takes the
 * kinds of characters used and how many different ones appear, and refuses the usual shapes of
 * a made-up secret: repeats, runs such as "abcdef" or "123456", and common words.
 */

/** A secret must have at least this many bits, estimated as below. */
export const MIN_SECRET_BITS = 128;
export const MIN_SECRET_LENGTH = 32;
/** Random text of 32 characters or more shows many different ones; a made-up secret few. */
const MIN_DISTINCT = 10;
/** Six or more consecutive code points ("abcdef", "654321") are typed, not drawn. */
const MAX_SEQUENCE = 5;

/** Words people put in secrets (five letters or more, so random text rarely holds one); found case-insensitively, with digits read as the letters they stand for. */
const WORDS = ['password', 'changeme', 'change', 'secret', 'default', 'example', 'qwerty', 'letmein', 'admin', 'session', 'welcome', 'monkey', 'dragon', 'iloveyou', 'sunshine', 'master'];

const CLASSES: { pattern: RegExp; size: number }[] = [
  { pattern: /[a-z]/, size: 26 },
  { pattern: /[A-Z]/, size: 26 },
  { pattern: /[0-9]/, size: 10 },
  { pattern: /[!-/:-@[-`{-~]/, size: 32 },
  { pattern: /[^\x20-\x7e]/, size: 100 },
];

/** Bits an attacker must guess if every character were drawn from the kinds present, capped by how many different ones are used. */
export function estimatedSecretBits(secret: string): number {
  const chars = [...secret];
  const pool = CLASSES.filter((c) => c.pattern.test(secret)).reduce((sum, c) => sum + c.size, 0);
  const distinct = new Set(chars).size;
  // A secret drawing on a few symbols from a large pool is no stronger than the symbols it uses, give or take.
  const perChar = Math.log2(Math.max(1, Math.min(pool, distinct * 2)));
  return Math.floor(chars.length * perChar);
}

function hasSequence(chars: string[]): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < chars.length; i++) {
    const step = chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!;
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up > MAX_SEQUENCE || down > MAX_SEQUENCE) return true;
  }
  return false;
}

/** The secret is one shorter piece over and over ("abcabcabc…"). */
function isRepetition(secret: string): boolean {
  for (let period = 1; period <= secret.length / 2; period++) {
    if (secret.length % period === 0 && secret.slice(0, period).repeat(secret.length / period) === secret) return true;
  }
  return false;
}

function containsWord(secret: string): string | null {
  const plain = secret.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/3/g, 'e').replace(/4/g, 'a').replace(/5/g, 's').replace(/\$/g, 's').replace(/@/g, 'a');
  return WORDS.find((word) => plain.includes(word)) ?? null;
}

/** Why a secret is too weak, or null when it is acceptable. */
export function weakSecretReason(secret: string): string | null {
  const chars = [...secret];
  if (chars.length < MIN_SECRET_LENGTH) return `it has ${chars.length} characters, fewer than ${MIN_SECRET_LENGTH}`;
  const distinct = new Set(chars).size;
  if (distinct < MIN_DISTINCT) return `it uses only ${distinct} different characters`;
  if (isRepetition(secret)) return 'it repeats a shorter piece';
  if (hasSequence(chars)) return `it contains a run of more than ${MAX_SEQUENCE} consecutive characters`;
  const word = containsWord(secret);
  if (word) return `it contains the word "${word}"`;
  const bits = estimatedSecretBits(secret);
  if (bits < MIN_SECRET_BITS) return `it has about ${bits} bits of entropy, fewer than ${MIN_SECRET_BITS}`;
  return null;
}

/** How to make a good one, for the error message. */
export const SECRET_RULE = `use at least ${MIN_SECRET_LENGTH} characters from a random generator (e.g. \`openssl rand -base64 32\`), about ${MIN_SECRET_BITS} bits or more as estimated from the kinds of characters and how many different ones appear; no repeats, runs such as "abcdef" or "123456", or words`;
