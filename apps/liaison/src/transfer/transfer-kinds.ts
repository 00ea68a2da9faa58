/** Transfer kinds liaison tracks; more arrive with each process. */
export const COMPLAINT_INTAKE = 'complaint-intake';

/** The sender of a complaint: a member of the public (never named in the register). */
export const PUBLIC = 'public';
