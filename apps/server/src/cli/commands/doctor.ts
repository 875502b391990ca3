import { resolve } from "node:path";
import { parseSourceConfig, sourceKindSchema } from "@jobsync/contracts";
import { adapterFor, BlockedError, createFetcher, type NetworkPolicy, resolveChromiumPath } from "@jobsync/crawler";
import { HealthService } from "../../app/health.service";
import { nodeRuntimeProblem, REQUIRED_NODE_RANGE } from "../../app/node-runtime";
import { networkSettingsFromEnv } from "../../app/service-options";
import { loadEnv } from "../../config/env";
import { hostPolicy } from "../../data-sources/base-url-policy";
import { DataSourceRepository } from "../../data-sources/data-source.repository";
import { DataDirLockedError } from "../../db/data-dir-lock";
import type { Database } from "../../db/database";
import { openDatabase } from "../../db/open-database";
import { parseFlags } from "../args";
import type { CliIo } from "../cli-context";

export const DOCTOR_USAGE = `doctor [--skip-sites]
  the guide's troubleshooting list as one command: the Node.js version, database reachable and migrated,
  Chromium found and launchable, each active data source's config valid and its site reachable; a fix hint for each failure`;

interface Check {
  ok: boolean;
  what: string;
  fix?: string;
}

function print(io: CliIo, check: Check) {
  io.stdout(`${check.ok ? "ok  " : "FAIL"}  ${check.what}`);
  if (!check.ok && check.fix) io.stdout(`      fix: ${check.fix}`);
}

function checkNode(): Check {
  const problem = nodeRuntimeProblem();
  if (problem) return { ok: false, what: problem, fix: "npm install, then run jobsync through npm" };
  return { ok: true, what: `node: ${process.version} (jobsync needs ${REQUIRED_NODE_RANGE})` };
}

async function checkDatabase(
  databaseUrl: string | undefined,
  dataDir: string,
): Promise<{ check: Check; database: Database | null }> {
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl, dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      return {
        check: { ok: false, what: `database: ${error.message}`, fix: "stop that process, or ask its /readyz" },
        database: null,
      };
    }
    return {
      check: {
        ok: false,
        what: `database unreachable: ${(error as Error).message}`,
        fix: databaseUrl ? "check DATABASE_URL and that PostgreSQL runs" : `check that ${dataDir} is writable`,
      },
      database: null,
    };
  }
  const state = await new HealthService(database).readiness();
  if (!state.ready) {
    return {
      check: { ok: false, what: `database: ${state.reason}`, fix: "run npm start once: it applies migrations" },
      database,
    };
  }
  return { check: { ok: true, what: `database: ${state.database}, ${state.migrations} migrations applied` }, database };
}

async function checkChromium(chromiumPath: string | undefined): Promise<Check> {
  let path: string;
  try {
    path = resolveChromiumPath(chromiumPath);
  } catch (error) {
    return { ok: false, what: (error as Error).message, fix: "apt-get install -y chromium, or set CHROMIUM_PATH" };
  }
  const fetcher = createFetcher({ kind: "browser", timeoutMillis: 30_000, requestDelayMillis: 0, chromiumPath: path });
  try {
    const description = await fetcher.start();
    return { ok: true, what: `chromium: ${description} at ${path}` };
  } catch (error) {
    return {
      ok: false,
      what: `chromium at ${path} does not launch: ${(error as Error).message}`,
      fix: "reinstall it, or set CHROMIUM_PATH",
    };
  } finally {
    await fetcher.close();
  }
}

async function checkSources(database: Database, skipSites: boolean, network: NetworkPolicy): Promise<Check[]> {
  const checks: Check[] = [];
  const sources = (await new DataSourceRepository(database.db).list()).filter((s) => s.is_active);
  if (sources.length === 0) {
    return [
      {
        ok: false,
        what: "no active data source",
        fix: "activate one on the Data Sources page (No active sources available)",
      },
    ];
  }
  for (const source of sources) {
    const kind = sourceKindSchema.safeParse(source.kind);
    const config = kind.success ? parseSourceConfig(kind.data, source.config) : null;
    if (!kind.success || !config?.success) {
      const problem =
        config?.success === false
          ? config.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")
          : `unknown kind ${source.kind}`;
      checks.push({
        ok: false,
        what: `${source.site_name}: invalid config (${problem})`,
        fix: "edit it on the Data Sources page, or npm run seed:topcv -- --force",
      });
      continue;
    }
    checks.push({ ok: true, what: `${source.site_name}: config valid` });
    if (skipSites) continue;
    const url = adapterFor(kind.data).availabilityUrl(source.base_url, config.data);
    const probe = createFetcher({
      kind: "http",
      timeoutMillis: 15_000,
      requestDelayMillis: 0,
      maxRetries: 0,
      respectRobotsTxt: false,
      network,
    });
    try {
      const response = await probe.fetch({ url, purpose: "probe" });
      checks.push({
        ok: true,
        what: `${source.site_name}: ${url} reachable, HTTP ${response.status} in ${response.elapsedMs} ms, not blocked`,
      });
    } catch (error) {
      const blocked = error instanceof BlockedError;
      const browser = (config.data as { fetcher?: string }).fetcher === "browser";
      checks.push({
        ok: blocked && browser,
        what: `${source.site_name}: ${url} ${blocked ? `answers plain HTTP with a challenge (${(error as BlockedError).reason})` : `unreachable: ${(error as Error).message}`}`,
        fix: blocked ? 'use fetcher "browser" and a larger request_delay' : "check network access and the base URL",
      });
    } finally {
      await probe.close();
    }
  }
  return checks;
}

export async function doctorCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { "skip-sites": { type: "boolean" } });
  const env = loadEnv();
  const checks: Check[] = [];
  const node = checkNode();
  print(io, node);
  checks.push(node);
  const { check, database } = await checkDatabase(env.DATABASE_URL, resolve(env.DATA_DIR));
  print(io, check);
  checks.push(check);
  const chromium = await checkChromium(env.CHROMIUM_PATH);
  print(io, chromium);
  checks.push(chromium);
  if (database) {
    try {
      // an unmigrated database has no sources to read: its check above already says what to do
      const network = hostPolicy(networkSettingsFromEnv(env));
      const sources = check.ok ? await checkSources(database, flags["skip-sites"] === true, network) : [];
      for (const c of sources) {
        print(io, c);
        checks.push(c);
      }
    } finally {
      await database.close();
    }
  }
  const failed = checks.filter((c) => !c.ok).length;
  io.stdout(failed === 0 ? "all checks passed" : `${failed} check${failed === 1 ? "" : "s"} failed`);
  return failed === 0 ? 0 : 1;
}
