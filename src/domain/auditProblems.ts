/**
 * What is wrong with the first broken link: its content does not give its hash; it does not
 * point at the link before it; it was made with a key Sot was not given; it is a plain sha256
 * link after keyed ones (only rows from before keying may be); its key's segment had already
 * ended; or the chain has rows but no keyed link covers them.
 */
export const AUDIT_PROBLEMS = ['hash', 'link', 'unknown_key', 'unkeyed_after_keyed', 'key_returned', 'unsealed'] as const;
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number];
