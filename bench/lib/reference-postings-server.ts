import Fastify from "fastify";
import pg from "pg";

const COLUMNS = `p.id, ds.site_name, p.external_id, p.url, p.title, p.company, p.salary_raw, p.salary_min, p.salary_max,
  p.salary_currency, p.salary_period, p.locations, p.provinces, p.experience, p.tags, p.deadline, p.status,
  p.duplicate_of, p.first_seen_at, p.last_seen_at`;

/**
 * B9's reference: the same requests answered by hand-written SQL over a plain pool (10 connections) and a bare HTTP
 * route, no validation, no counting beyond the planner's estimate — what PostgreSQL and HTTP alone can do.
 */
export async function startReferenceServer(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify();
  const estimate = async () =>
    Number((await pool.query("SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'job_postings'")).rows[0].n);
  const list = async (where: string, params: unknown[]) => {
    const [rows, total] = await Promise.all([
      pool.query(
        `SELECT ${COLUMNS} FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
         WHERE p.status = 'open' ${where} ORDER BY p.last_seen_at DESC, p.id DESC LIMIT 21`,
        params,
      ),
      estimate(),
    ]);
    return { items: rows.rows, total };
  };
  app.get("/list", async () => list("", []));
  app.get<{ Querystring: { province: string } }>("/location", async (request) =>
    list("AND p.provinces && ARRAY[$1::text]", [request.query.province]),
  );
  app.get<{ Querystring: { seen: string; id: string } }>("/deep", async (request) =>
    list("AND (p.last_seen_at, p.id) < ($1::timestamptz, $2::int)", [request.query.seen, Number(request.query.id)]),
  );
  // rank a bounded candidate set: the newest 1,000 phrase matches, by their title's rank
  app.get<{ Querystring: { pairs: string } }>("/search", async (request) => {
    const rows = await pool.query(
      `WITH c AS (SELECT p.id, p.last_seen_at, p.title_vector FROM job_postings p
                  WHERE p.search_vector @@ $1::tsquery AND p.status = 'open'
                  ORDER BY p.last_seen_at DESC LIMIT 1000)
       SELECT ${COLUMNS} FROM c JOIN job_postings p ON p.id = c.id JOIN data_sources ds ON ds.id = p.data_source_id
       ORDER BY ts_rank(c.title_vector, $1::tsquery) DESC, c.last_seen_at DESC LIMIT 21`,
      [request.query.pairs],
    );
    return { items: rows.rows, total: await estimate() };
  });
  app.get<{ Params: { id: string } }>("/one/:id", async (request) => {
    const rows = await pool.query(
      `SELECT ${COLUMNS}, p.description_html FROM job_postings p JOIN data_sources ds ON ds.id = p.data_source_id
       WHERE p.id = $1`,
      [Number(request.params.id)],
    );
    return rows.rows[0];
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
