// The organisation list moved to libs/contracts so that other services (the people's congress) validate
// the same codes; the justice bureau still seeds its organisation table from it.
export { ORGANISATIONS } from '@oversight/contracts';
export type { OrganisationKind, OrganisationSeed } from '@oversight/contracts';
