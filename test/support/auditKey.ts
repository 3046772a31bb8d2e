import { auditKeyring, useAuditKeys } from '../../src/db/audit.ts';

/** The audit log's key in tests; the test app is configured with the same one. */
export const TEST_AUDIT_KEY = 'test-audit-key-Qm4Zr8Vw2Xc6Nb0Lp3Tj7Hd5Fg9Sk1';

export function useTestAuditKey(): void {
  useAuditKeys(auditKeyring({ key: TEST_AUDIT_KEY, previousKeys: [] }));
}
