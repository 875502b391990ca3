import type { FastifyPluginAsync } from "fastify";
import { AuthService } from "../auth/auth.service";
import { LoginRateLimiter } from "../auth/login-rate-limiter";
import { TokenService } from "../auth/token-service";
import { UserRepository } from "../auth/user.repository";
import { DataSourceRepository } from "../data-sources/data-source.repository";
import { DataSourceService } from "../data-sources/data-source.service";
import type { Database } from "../db/database";
import { HealthService } from "./health.service";

export interface ServiceOptions {
  jwtSecret: string;
  jwtExpiresSecs: number;
  loginMaxAttempts: number;
  loginWindowSecs: number;
  allowPrivateHosts: boolean;
}

/** The composition root of the domain: repositories and services over one database. */
export interface Services {
  database: Database;
  users: UserRepository;
  auth: AuthService;
  dataSourceRepository: DataSourceRepository;
  dataSources: DataSourceService;
  health: HealthService;
  extraRoutes: FastifyPluginAsync[];
}

export function createServices(database: Database, options: ServiceOptions): Services {
  const users = new UserRepository(database.db);
  const tokens = new TokenService(options.jwtSecret, options.jwtExpiresSecs);
  const limiter = new LoginRateLimiter(options.loginMaxAttempts, options.loginWindowSecs * 1000);
  const dataSourceRepository = new DataSourceRepository(database.db);
  return {
    database,
    users,
    auth: new AuthService(users, tokens, limiter),
    dataSourceRepository,
    dataSources: new DataSourceService(dataSourceRepository, { allowPrivateHosts: options.allowPrivateHosts }),
    health: new HealthService(database),
    extraRoutes: [],
  };
}
