/** `阳司线移〔2026〕12号`: an official document number. */
export function documentNumber(prefix: string, year: string, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/**
 * The next number of a document series in a year, from the `document_counter` table of the service's
 * schema, taken inside the caller's transaction so that numbers have no gaps.
 */
export async function nextDocumentSeq(
  manager: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  schema: string,
  series: string,
  year: string,
): Promise<number> {
  const rows = (await manager.query(
    `INSERT INTO "${schema}"."document_counter" AS c (series, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (series, year) DO UPDATE SET last = c.last + 1 RETURNING last`,
    [series, year],
  )) as { last: number }[];
  return rows[0].last;
}
