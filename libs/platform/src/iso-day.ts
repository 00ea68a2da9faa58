/** A calendar day as the API takes it (YYYY-MM-DD, Beijing time by convention), for `@Matches`. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
