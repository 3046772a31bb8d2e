/**
 * What an NCA RK (НУЦ РК) certificate says about its holder's place in a legal entity, kept as
 * data with the source of every object identifier, and the rule Sot draws from it.
 *
 * NCA writes the key user's role as OIDs in the certificate's extended key usage, next to
 * clientAuth or emailProtection, and the policy the certificate was issued under in its
 * certificatePolicies. Only the first head and a person with the right to sign act for the entity
 * on the strength of the certificate (DOMAIN.md, "NCA RK certificates"); anyone else holding a
 * certificate with the entity's BIN is one of its employees, who acts for it only by a power of
 * attorney that the court accepts.
 */

/** The act registered in 2020 under No. 21440 that the Kalkan wrappers cite for the key user OIDs. */
const NCA_RULES = 'adilet.zan.kz/rus/docs/V2000021440, as cited with these OIDs by the gokalkan library (github.com/gokalkan/gokalkan)';
/** NCA RK's own sample issuer: the EKU and policy OIDs it writes into end-entity certificates. */
const NCA_ISSUANCE_SAMPLE = 'NCA RK, github.com/pkigovkz/KalkanCryptIssuanceTest, src/test/java/kz/gov/pki/kalkan/issuance/EndEntityCertIssuanceTest.java';
/** The names of NCA's certificate policies, as listed with the OIDs by Kalkan-based verifiers. */
const NCA_POLICY_NAMES = 'Политика применения регистрационных свидетельств НУЦ РК, as listed in ussgroup trusty (ru.ussgroup.security.trusty.TrustyUtils)';

export const ORGANISATION_ROLES = ['first_head', 'signatory', 'financial_signatory', 'hr', 'employee'] as const;
/** A legal entity's key user's role; its meaning in each language is the message `ncaRole.<role>`. */
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

export interface OidSource {
  oid: string;
  source: string;
}

/** Whose key it is: a person's own, or a legal entity's. */
export const KEY_USER_OIDS = {
  individual: { oid: '1.2.398.3.3.4.1.1', source: NCA_RULES },
  organisation: { oid: '1.2.398.3.3.4.1.2', source: NCA_RULES },
} as const satisfies Record<string, OidSource>;

export const ORGANISATION_ROLE_OIDS: Record<OrganisationRole, OidSource> = {
  first_head: { oid: '1.2.398.3.3.4.1.2.1', source: `${NCA_RULES}; ${NCA_ISSUANCE_SAMPLE}` },
  signatory: { oid: '1.2.398.3.3.4.1.2.2', source: `${NCA_RULES}; ${NCA_ISSUANCE_SAMPLE}` },
  financial_signatory: { oid: '1.2.398.3.3.4.1.2.3', source: NCA_RULES },
  hr: { oid: '1.2.398.3.3.4.1.2.4', source: NCA_RULES },
  employee: { oid: '1.2.398.3.3.4.1.2.5', source: `${NCA_RULES}; ${NCA_ISSUANCE_SAMPLE}` },
};

export const KEY_POLICIES = ['legal_signing', 'legal_auth', 'individual_signing', 'individual_auth'] as const;
export type KeyPolicy = (typeof KEY_POLICIES)[number];

/** The certificate policies NCA issues under: for whom, and for signing or for authentication. */
export const KEY_POLICY_OIDS: Record<KeyPolicy, OidSource & { meaning: { kk: string; ru: string; en: string } }> = {
  legal_signing: {
    oid: '1.2.398.3.3.2.1',
    source: `${NCA_POLICY_NAMES}; ${NCA_ISSUANCE_SAMPLE}`,
    meaning: { kk: 'заңды тұлғалардың ЭЦҚ тіркеу куәліктері', ru: 'регистрационные свидетельства ЭЦП юридических лиц', en: 'legal entities’ signing certificates' },
  },
  legal_auth: {
    oid: '1.2.398.3.3.2.2',
    source: NCA_POLICY_NAMES,
    meaning: { kk: 'заңды тұлғалардың аутентификация тіркеу куәліктері', ru: 'регистрационные свидетельства аутентификации юридических лиц', en: 'legal entities’ authentication certificates' },
  },
  individual_signing: {
    oid: '1.2.398.3.3.2.3',
    source: `${NCA_POLICY_NAMES}; ${NCA_ISSUANCE_SAMPLE}`,
    meaning: { kk: 'жеке тұлғалардың ЭЦҚ тіркеу куәліктері', ru: 'регистрационные свидетельства ЭЦП физических лиц', en: 'individuals’ signing certificates' },
  },
  individual_auth: {
    oid: '1.2.398.3.3.2.4',
    source: NCA_POLICY_NAMES,
    meaning: { kk: 'жеке тұлғалардың аутентификация тіркеу куәліктері', ru: 'регистрационные свидетельства аутентификации физических лиц', en: 'individuals’ authentication certificates' },
  },
};

const ROLE_BY_OID = new Map(ORGANISATION_ROLES.map((role) => [ORGANISATION_ROLE_OIDS[role].oid, role]));

/** The organisation roles among a certificate's OIDs, each once, in the order of ORGANISATION_ROLES. */
export function organisationRolesIn(oids: Iterable<string>): OrganisationRole[] {
  const found = new Set<OrganisationRole>();
  for (const oid of oids) {
    const role = ROLE_BY_OID.get(oid);
    if (role) found.add(role);
  }
  return ORGANISATION_ROLES.filter((role) => found.has(role));
}

export const ENTITY_STANDINGS = ['head', 'signatory', 'employee'] as const;
/** How the holder of a certificate with a BIN stands to that entity in Sot. */
export type EntityStanding = (typeof ENTITY_STANDINGS)[number];

/** The legal entity a certificate names and how its holder stands to it. */
export interface EntityTie {
  bin: string;
  /** The organisation's name as the certificate gives it (subject O), when it does. */
  name: string | null;
  standing: EntityStanding;
  roles: OrganisationRole[];
}

/** The first head, then the right to sign; any other role, or none, leaves an employee. */
export function standingOf(roles: readonly OrganisationRole[]): EntityStanding {
  if (roles.includes('first_head')) return 'head';
  if (roles.includes('signatory')) return 'signatory';
  return 'employee';
}

/** Whether the standing lets the person act for the entity without a power of attorney. */
export function actsForEntity(standing: EntityStanding): boolean {
  return standing === 'head' || standing === 'signatory';
}

/** The entity tie of a signer, or null for a certificate without a BIN (an individual's). */
export function entityTieOf(signer: { bin?: string | undefined; organisation?: string | undefined; organisationRoles: readonly OrganisationRole[] }): EntityTie | null {
  if (!signer.bin) return null;
  return { bin: signer.bin, name: signer.organisation ?? null, standing: standingOf(signer.organisationRoles), roles: [...signer.organisationRoles] };
}

/** The BIN the signer acts for directly: their entity's, when they are its head or have the right to sign. */
export function directBinOf(tie: EntityTie | null): string | null {
  return tie && actsForEntity(tie.standing) ? tie.bin : null;
}
