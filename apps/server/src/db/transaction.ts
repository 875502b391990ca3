import type { Db } from "./database";

/**
 * Run work in one transaction on either driver; the handle it gets is a `Db` like any other, so repositories take it
 * as their `db` argument and a change and its audit row commit (or roll back) together.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
