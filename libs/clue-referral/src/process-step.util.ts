/** A process variable as text, or null when it is missing or blank. */
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
