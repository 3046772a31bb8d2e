/** How a person stands in a case at first instance: a party, or someone acting for one. */
export const PARTY_ROLES = ['claimant', 'defendant', 'third_party', 'applicant', 'representative', 'lawyer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
