import { type SQL, sql } from "drizzle-orm";

/**
 * Arrays as parameters, the same on both drivers: sent as one JSON text parameter and unpacked in SQL, so neither
 * driver's array serialisation matters.
 */
export function textArray(values: readonly string[]): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export function intArray(values: readonly number[]): SQL {
  return sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::int)`;
}

/**
 * A list of fixed values (status sets from the contracts) for `IN (...)`: each one a bound parameter, so no value is
 * ever spelled into the SQL text.
 */
export function sqlList(values: readonly string[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}
