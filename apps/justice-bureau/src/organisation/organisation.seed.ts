import type { OrganisationKind } from '@oversight/contracts';

// The organisation list moved to libs/contracts so that other services (the people's congress) validate
// the same codes; the justice bureau still seeds its organisation table from it.
export { ORGANISATIONS } from '@oversight/contracts';
export type { OrganisationKind, OrganisationSeed } from '@oversight/contracts';

/** The kinds of organisation that hold enforcement case files: county agencies, the police, the towns. */
export const ENFORCEMENT_KINDS: readonly OrganisationKind[] = ['agency', 'police', 'town'];
