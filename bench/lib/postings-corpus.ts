import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { PROVINCES } from "@jobsync/contracts";
import pg from "pg";
import { loadMigrations, migrate } from "../../apps/server/src/db/migrate";
import { openPostgres } from "../../apps/server/src/db/postgres";
import { postgresServerUrl } from "./bench-database";
import { cacheDescriptionVectors, differingVectors } from "./corpus-search-vectors";

/**
 * B9's corpus: job postings of a real shape in PostgreSQL — Vietnamese titles (accounting, planning, developers,
 * sales…), 34 provinces, 1–2 KB descriptions whose common syllables ("toàn thời gian", "kế hoạch") make naive
 * searches match most rows, a year of last-seen times, a fifth closed. Generated inside PostgreSQL (generate_series),
 * through the real schema, so the generated search vectors are computed as a sync would. A loaded database is kept
 * (named by size and migrations) and reused by later runs.
 */
const TITLES = [
  "Kế toán tổng hợp",
  "Nhân viên kế toán công nợ",
  "Kế toán trưởng",
  "Nhân viên kế hoạch sản xuất",
  "Chuyên viên kế hoạch kinh doanh",
  "Lập trình viên Python",
  "Lập trình viên Java",
  "Lập trình viên Frontend ReactJS",
  "Senior Python Developer",
  "Kỹ sư phần mềm .NET",
  "Nhân viên kinh doanh",
  "Nhân viên bán hàng toàn thời gian",
  "Chuyên viên Marketing Online",
  "Nhân viên chăm sóc khách hàng",
  "Trưởng phòng nhân sự",
  "Nhân viên hành chính nhân sự",
  "Kỹ sư xây dựng",
  "Kỹ sư cơ khí",
  "Thợ điện công nghiệp",
  "Công nhân may",
  "Tài xế giao hàng",
  "Giáo viên tiếng Anh",
  "Điều dưỡng viên",
  "Dược sĩ bán thuốc",
  "Nhân viên thiết kế đồ họa",
  "Nhân viên xuất nhập khẩu",
  "Chuyên viên phân tích dữ liệu",
  "Quản lý cửa hàng",
  "Thu ngân siêu thị",
  "Nhân viên kho vận",
];
const SENTENCES = [
  "Làm việc toàn thời gian từ thứ Hai đến thứ Sáu, nghỉ thứ Bảy và Chủ nhật.",
  "Lập kế hoạch công việc hằng tuần và báo cáo kết quả cho trưởng bộ phận.",
  "Phối hợp với các phòng ban liên quan để hoàn thành mục tiêu toàn công ty.",
  "Thu nhập cạnh tranh, thưởng tháng mười ba và thưởng theo hiệu quả công việc.",
  "Được đóng bảo hiểm xã hội, bảo hiểm y tế đầy đủ theo quy định của pháp luật.",
  "Môi trường làm việc trẻ trung, năng động, nhiều cơ hội thăng tiến.",
  "Ưu tiên ứng viên có kinh nghiệm làm việc tại vị trí tương đương.",
  "Tham gia đào tạo nội bộ và các khóa học nâng cao kỹ năng chuyên môn.",
  "Tiếp nhận, xử lý hồ sơ, chứng từ và lưu trữ tài liệu theo quy trình.",
  "Sử dụng thành thạo tin học văn phòng, Excel, Word và email.",
  "Chịu được áp lực công việc, cẩn thận, trung thực và có trách nhiệm.",
  "Du lịch hằng năm cùng công ty, tiệc cuối năm và các hoạt động team building.",
  "Kiểm tra, đối chiếu số liệu và lập báo cáo định kỳ cho ban giám đốc.",
  "Hỗ trợ kế toán trưởng trong việc quyết toán thuế cuối năm.",
  "Phát triển và bảo trì hệ thống phần mềm, viết mã nguồn sạch, có kiểm thử.",
  "Có kinh nghiệm lập trình Python, SQL là một lợi thế lớn.",
  "Tư vấn, giới thiệu sản phẩm và chăm sóc khách hàng sau bán hàng.",
  "Đảm bảo an toàn lao động và vệ sinh nơi làm việc trong toàn bộ ca làm.",
];

const sqlText = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`;

/** The description of posting `n` (14–27 of the sentences: 1–2 KB of HTML), in a query over `t` and `n`. */
const DESCRIPTION = `(SELECT string_agg('<p>' || t.sentences[1 + ((n * 13 + k * 7) % ${SENTENCES.length})] || '</p>', '')
         FROM generate_series(1, 14 + n % 14) AS k)`;

const WITH_TEXTS = `WITH t AS (SELECT ${sqlText(TITLES)} AS titles, ${sqlText(SENTENCES)} AS sentences, ${sqlText(PROVINCES)} AS provinces)`;

/** The distinct descriptions of postings 1..`last` (the generator repeats them: 126 in all). */
const descriptionsSql = (last: number) =>
  `${WITH_TEXTS} SELECT DISTINCT ${DESCRIPTION} AS html FROM t, generate_series(1, ${last}) AS n`;

/** One statement inserting postings `first`..`last` for `sourceId`. */
function insertSql(sourceId: string, first: number, last: number): string {
  return `
    ${WITH_TEXTS}
    INSERT INTO job_postings (data_source_id, external_id, url, title, company, locations, provinces, tags,
      description_html, salary_raw, salary_min, salary_max, salary_currency, salary_period,
      salary_monthly_min_vnd, salary_monthly_max_vnd, experience_min_years, content_hash, content_key, status,
      first_seen_at, last_seen_at)
    SELECT '${sourceId}'::uuid, 'b9-' || n, 'https://board.example/viec-lam/' || n,
      t.titles[1 + ((n::bigint * 7919) % ${TITLES.length})::int] || CASE WHEN n % 3 = 0 THEN ' - ' || t.provinces[1 + n % 34] ELSE '' END,
      'Công ty ' || (n % 5003),
      ARRAY[t.provinces[1 + (n * 31) % 34]], ARRAY[t.provinces[1 + (n * 31) % 34]],
      ARRAY['tag' || (n % 50)],
      ${DESCRIPTION},
      (8 + n % 20) || ' - ' || (12 + n % 30) || ' triệu', (8 + n % 20) * 1000000, (12 + n % 30) * 1000000, 'VND',
      'month', (8 + n % 20) * 1000000, (12 + n % 30) * 1000000, n % 6,
      'h' || n, 'k' || n, CASE WHEN n % 5 = 0 THEN 'closed'::posting_status ELSE 'open'::posting_status END,
      now() - interval '1 year', now() - ((n::bigint * 104729) % 31536000) * interval '1 second'
    FROM t, generate_series(${first}, ${last}) AS n`;
}

export interface Corpus {
  url: string;
  size: number;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Indexes of job_postings that back no constraint: dropped for the load, built again from their definitions after. */
async function droppableIndexes(client: pg.Client): Promise<string[]> {
  const rows = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = 'job_postings'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const r of rows.rows) await client.query(`DROP INDEX ${r.name}`);
  return rows.rows.map((r) => r.definition);
}

/** Runs `tasks` on `clients`, each client taking the next task when it is done with one (one backend per core). */
async function onEachClient<T>(clients: pg.Client[], tasks: T[], run: (client: pg.Client, task: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < tasks.length) await run(client, tasks[next++]!);
    }),
  );
}

/**
 * Loads `size` postings: the rows are generated inside PostgreSQL in chunks spread over one connection per core, the
 * descriptions' share of the generated search vectors computed once per distinct description (corpus-search-vectors.ts;
 * checked on a sample against the migration's function), the secondary indexes dropped during the load and built after
 * it (a GIN built once is far cheaper than one maintained row by row), then ANALYZE.
 */
async function load(url: string, size: number, log: (line: string) => void): Promise<void> {
  const parallel = Math.max(1, Math.min(4, availableParallelism()));
  const clients = Array.from({ length: parallel }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  try {
    const first = clients[0]!;
    const source = await first.query<{ id: string }>(
      `INSERT INTO data_sources (site_name, kind, base_url, config) VALUES ('B9Board', 'topcv', 'https://board.example', '{}') RETURNING id`,
    );
    const indexes = await droppableIndexes(first);
    const restoreSearchVector = await cacheDescriptionVectors(first, descriptionsSql(2520));
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
    const chunk = 10_000;
    const chunks = Array.from({ length: Math.ceil(size / chunk) }, (_, i) => i * chunk + 1);
    let done = 0;
    await onEachClient(clients, chunks, async (client, from) => {
      const to = Math.min(size, from + chunk - 1);
      await client.query("SET synchronous_commit = off");
      await client.query(insertSql(source.rows[0]!.id, from, to));
      done += to - from + 1;
      log(`B9 corpus: ${done.toLocaleString("en-US")} of ${size.toLocaleString("en-US")} postings (${seconds()} s)`);
    });
    await restoreSearchVector();
    const differing = await differingVectors(first, 2000);
    if (differing > 0)
      throw new Error(`B9 corpus: ${differing} of 2,000 sampled search vectors differ from the migration's`);
    await onEachClient(clients, indexes, async (client, definition) => {
      await client.query("SET maintenance_work_mem = '512MB'");
      await client.query(definition);
      log(`B9 corpus: ${definition.replace(/ ON .*/, "")} (${seconds()} s)`);
    });
    await first.query("VACUUM ANALYZE job_postings");
    log(`B9 corpus: ${size.toLocaleString("en-US")} postings loaded, indexed and analysed in ${seconds()} s`);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** A PostgreSQL database holding `size` postings (loaded now, or kept from an earlier run with the same schema). */
export async function postingsCorpus(size: number, log: (line: string) => void): Promise<Corpus> {
  const version = createHash("sha256")
    .update(
      loadMigrations()
        .map((m) => m.sql)
        .join("\n") + insertSql("x", 0, 0),
    )
    .digest("hex")
    .slice(0, 8);
  const name = `jobsync_b9_${size}_${version}`;
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  const exists = await admin(
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount,
  );
  if (exists) return { url: url.toString(), size };
  const loading = `${name}_loading`;
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${loading} WITH (FORCE)`));
  await admin((c) => c.query(`CREATE DATABASE ${loading}`));
  const loadingUrl = new URL(url);
  loadingUrl.pathname = `/${loading}`;
  const database = await openPostgres(loadingUrl.toString(), 2);
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  await load(loadingUrl.toString(), size, log);
  await admin((c) => c.query(`ALTER DATABASE ${loading} RENAME TO ${name}`));
  return { url: url.toString(), size };
}
