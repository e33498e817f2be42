import type { SelectQueryBuilder } from 'kysely';

/**
 * How many rows a query (a table with its conditions, nothing selected yet)
 * stands for. COUNT(*) comes back as a number from SQLite and as a string
 * (a bigint) from PostgreSQL; this reads either as a number.
 */
export async function countRows<DB, TB extends keyof DB>(query: SelectQueryBuilder<DB, TB, Record<never, never>>): Promise<number> {
  // The selected row is `{ n }` whatever the table; TypeScript cannot work that out over a generic table.
  const row = (await query.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()) as { n: string | number };
  return Number(row.n);
}
