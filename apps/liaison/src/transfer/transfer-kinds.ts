/** Transfer kinds liaison tracks; more arrive with each process. */
export const COMPLAINT_INTAKE = 'complaint-intake';
/** 交办: a complaint handed by the justice bureau to the responsible agency. */
export const COMPLAINT_ASSIGNMENT = 'complaint-assignment';

/** The sender of a complaint: a member of the public (never named in the register). */
export const PUBLIC = 'public';
