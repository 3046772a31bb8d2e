import { beforeAll, describe, expect, it } from 'vitest';
import { identityFromCertificate } from '../../src/adapters/eds/index.ts';
import { directBinOf, entityTieOf, KEY_POLICY_OIDS, KEY_USER_OIDS, ORGANISATION_ROLE_OIDS, ORGANISATION_ROLES, organisationRolesIn, standingOf, type EntityStanding, type OrganisationRole } from '../../src/domain/ncaRoles.ts';
import { EKU, issueSigner, makeRootCa, testBin, testIin, type SignerOptions, type TestCa } from '../support/pki.ts';

const BIN = testBin(9620);
const COMPANY = 'ТОО «Дала Логистик»';

describe('NCA key user roles as data', () => {
  it('gives every role one OID under NCA’s arc 1.2.398.3.3.4.1.2, with its source', () => {
    const oids = ORGANISATION_ROLES.map((role) => ORGANISATION_ROLE_OIDS[role].oid);
    expect(new Set(oids).size).toBe(ORGANISATION_ROLES.length);
    for (const role of ORGANISATION_ROLES) {
      expect(ORGANISATION_ROLE_OIDS[role].oid.startsWith(`${KEY_USER_OIDS.organisation.oid}.`)).toBe(true);
      expect(ORGANISATION_ROLE_OIDS[role].source).toMatch(/adilet\.zan\.kz|github\.com/);
    }
    expect(ORGANISATION_ROLE_OIDS.first_head.oid).toBe('1.2.398.3.3.4.1.2.1');
    expect(ORGANISATION_ROLE_OIDS.signatory.oid).toBe('1.2.398.3.3.4.1.2.2');
    expect(ORGANISATION_ROLE_OIDS.employee.oid).toBe('1.2.398.3.3.4.1.2.5');
    expect(KEY_POLICY_OIDS.legal_signing.oid).toBe('1.2.398.3.3.2.1');
  });

  it('reads only the role OIDs among others, each once, and ignores near misses', () => {
    expect(organisationRolesIn([EKU.clientAuth, '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.2.5', '1.2.398.3.3.4.1.2.1', '1.2.398.3.3.4.1.2.5'])).toEqual(['first_head', 'employee']);
    expect(organisationRolesIn(['1.2.398.3.3.4.1.2.1.1', '1.2.398.3.3.4.1.2.6', '1.2.398.3.3.4.1.2', '1.2.398.3.3.4.1.1'])).toEqual([]);
  });

  it('lets only the first head and a person with the right to sign speak for the entity', () => {
    const table: [OrganisationRole[], EntityStanding][] = [
      [['first_head'], 'head'],
      [['signatory'], 'signatory'],
      [['first_head', 'signatory'], 'head'],
      [['financial_signatory'], 'employee'],
      [['hr'], 'employee'],
      [['employee'], 'employee'],
      [[], 'employee'],
    ];
    for (const [roles, standing] of table) expect(standingOf(roles), roles.join() || 'no role').toBe(standing);
  });
});

describe('the standing a certificate gives its holder', () => {
  let root: TestCa;
  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
  });

  const cases: { name: string; options: SignerOptions; roles: OrganisationRole[]; standing: EntityStanding | null; actsFor: string | null }[] = [
    { name: 'an individual', options: { person: { iin: testIin(9530) }, certificatePolicies: [KEY_POLICY_OIDS.individual_signing.oid] }, roles: [], standing: null, actsFor: null },
    { name: 'a first head', options: { person: { iin: testIin(9531), bin: BIN, organisation: COMPANY }, organisationRoles: ['first_head'], certificatePolicies: [KEY_POLICY_OIDS.legal_signing.oid] }, roles: ['first_head'], standing: 'head', actsFor: BIN },
    { name: 'a person with the right to sign', options: { person: { iin: testIin(9532), bin: BIN, organisation: COMPANY }, organisationRoles: ['signatory'] }, roles: ['signatory'], standing: 'signatory', actsFor: BIN },
    { name: 'an employee', options: { person: { iin: testIin(9533), bin: BIN, organisation: COMPANY }, organisationRoles: ['employee'] }, roles: ['employee'], standing: 'employee', actsFor: null },
    { name: 'a financial signatory', options: { person: { iin: testIin(9534), bin: BIN, organisation: COMPANY }, organisationRoles: ['financial_signatory'] }, roles: ['financial_signatory'], standing: 'employee', actsFor: null },
    { name: 'a BIN without any role', options: { person: { iin: testIin(9535), bin: BIN, organisation: COMPANY } }, roles: [], standing: 'employee', actsFor: null },
    {
      name: 'a head whose role is among the certificate policies',
      options: { person: { iin: testIin(9536), bin: BIN, organisation: COMPANY }, certificatePolicies: [KEY_POLICY_OIDS.legal_signing.oid, ORGANISATION_ROLE_OIDS.first_head.oid] },
      roles: ['first_head'],
      standing: 'head',
      actsFor: BIN,
    },
    { name: 'a head’s role without a BIN', options: { person: { iin: testIin(9537) }, organisationRoles: ['first_head'] }, roles: ['first_head'], standing: null, actsFor: null },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.standing ?? 'no entity'}${c.actsFor ? ', acts for it directly' : ''}`, async () => {
      const signer = await issueSigner(root, c.options);
      const identity = identityFromCertificate(signer.certificateDer);
      expect(identity.organisationRoles).toEqual(c.roles);
      const tie = entityTieOf(identity);
      expect(tie?.standing ?? null).toBe(c.standing);
      if (tie) expect(tie).toMatchObject({ bin: BIN, name: COMPANY });
      expect(directBinOf(tie)).toBe(c.actsFor);
    });
  }
});
