import { promises as dns } from "node:dns";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { PrivateAddressError } from "../fetch/errors";
import { localNameKind, nonPublicAddressKind, normalizeHostname } from "./address-class";

/** One answer of a resolver. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * A resolver: every address a host name resolves to. The default asks the system (`dns.lookup`, /etc/hosts
 * included); tests inject their own so a name can resolve to 127.0.0.1, then change its answer.
 */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export interface NetworkPolicyOptions {
  /** true: every address may be reached (ALLOW_PRIVATE_HOSTS=1). */
  allowPrivate: boolean;
  /** The switch named in refusals, e.g. "ALLOW_PRIVATE_HOSTS" or "ALLOW_PRIVATE_WEBHOOKS". */
  switchName: string;
  lookup?: HostLookup;
  /** Private endpoints reachable anyway, as "address:port" ("127.0.0.1:3001", "[::1]:8080"): the demo board. */
  exemptEndpoints?: Iterable<string>;
  /** A resolver that has not answered after this long fails the connection. Default 10 s. */
  lookupTimeoutMillis?: number;
}

const systemLookup: HostLookup = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** "address:port" as the policy keys endpoints: IPv6 in brackets, lower case. */
export function endpointKey(address: string, port: number): string {
  const ip = normalizeHostname(address);
  return `${ip.includes(":") ? `[${ip}]` : ip}:${port}`;
}

/**
 * Who may be connected to. Every outbound connection (the fetchers' undici dispatcher, Chromium's guard proxy,
 * webhooks, the expiry re-check) resolves its host through `resolve`, which answers the addresses to connect to —
 * the very ones it checked, so a DNS answer that changes between a check and the connection (rebinding) cannot pass.
 * Refused: names local by definition, and every address that is not public (see address-class.ts) or that belongs
 * to this machine, unless `allowPrivate` or the endpoint is exempt.
 */
export class NetworkPolicy {
  readonly allowPrivate: boolean;
  readonly switchName: string;
  private readonly lookup: HostLookup;
  private readonly customLookup: boolean;
  private readonly exempt = new Set<string>();
  private readonly lookupTimeoutMillis: number;

  constructor(options: NetworkPolicyOptions) {
    this.allowPrivate = options.allowPrivate;
    this.switchName = options.switchName;
    this.lookup = options.lookup ?? systemLookup;
    this.customLookup = options.lookup !== undefined;
    this.lookupTimeoutMillis = options.lookupTimeoutMillis ?? 10_000;
    for (const endpoint of options.exemptEndpoints ?? []) this.exempt.add(normalizeEndpoint(endpoint));
  }

  /** Allow one private endpoint (e.g. the demo board once it listens). */
  exemptEndpoint(address: string, port: number): void {
    this.exempt.add(endpointKey(address, port));
  }

  /** Whether connections must go through the policy at all (Chromium gets its guard proxy only then). */
  get guarded(): boolean {
    return !this.allowPrivate || this.customLookup;
  }

  /**
   * The addresses `host` may be connected to on `port`, in the resolver's order; throws PrivateAddressError when
   * none may (naming the first refused address), or a resolver error (ENOTFOUND...).
   * @param url only for the error's message.
   */
  async resolve(host: string, port: number, url = `//${host}:${port}/`): Promise<ResolvedAddress[]> {
    const hostname = normalizeHostname(host);
    const literal = isIP(hostname);
    if (!this.allowPrivate && literal === 0) {
      const local = localNameKind(hostname);
      if (local) throw new PrivateAddressError(url, hostname, null, local, this.switchName);
    }
    const answers: ResolvedAddress[] =
      literal === 0 ? await this.lookupWithTimeout(hostname) : [{ address: hostname, family: literal === 6 ? 6 : 4 }];
    if (answers.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
    if (this.allowPrivate) return answers;
    const allowed: ResolvedAddress[] = [];
    let refused: { address: string; kind: string } | null = null;
    for (const answer of answers) {
      const kind = this.refusalKind(answer.address, port);
      if (kind === null) allowed.push(answer);
      else refused ??= { address: answer.address, kind };
    }
    if (allowed.length > 0) return allowed;
    const first = refused ?? { address: answers[0]?.address ?? hostname, kind: "unknown" };
    throw new PrivateAddressError(url, hostname, first.address, first.kind, this.switchName);
  }

  /** Why this address may not be connected to on this port, or null. */
  private refusalKind(address: string, port: number): string | null {
    if (this.exempt.has(endpointKey(address, port))) return null;
    const kind = nonPublicAddressKind(address);
    if (kind) return kind;
    return ownAddresses().has(normalizeHostname(address)) ? "an address of this machine" : null;
  }

  private lookupWithTimeout(hostname: string): Promise<ResolvedAddress[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`no DNS answer for ${hostname} within ${this.lookupTimeoutMillis} ms`), {
              code: "EAI_AGAIN",
            }),
          ),
        this.lookupTimeoutMillis,
      );
      this.lookup(hostname).then(
        (answers) => {
          clearTimeout(timer);
          resolve(answers);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}

function normalizeEndpoint(endpoint: string): string {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(endpoint.trim());
  if (!match) throw new RangeError(`an exempt endpoint is "address:port", got "${endpoint}"`);
  return endpointKey(match[1] as string, Number(match[2]));
}

let ownCache: { at: number; addresses: Set<string> } | null = null;

/** The addresses of this machine's interfaces (re-read at most every 10 s): a public one still reaches us. */
function ownAddresses(): Set<string> {
  const now = performance.now();
  if (ownCache && now - ownCache.at < 10_000) return ownCache.addresses;
  const addresses = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) addresses.add(normalizeHostname(info.address.replace(/%.*$/, "")));
  }
  ownCache = { at: now, addresses };
  return addresses;
}
