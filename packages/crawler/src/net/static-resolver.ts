import { isIP } from "node:net";
import type { HostLookup, ResolvedAddress } from "./network-policy";

/**
 * A resolver answering from its own table, like curl's --resolve: names map to addresses you set (and may change
 * at any moment — a rebinding DNS server does exactly that); any other name is ENOTFOUND, never asked of the
 * system's DNS. The tests' resolver: "evil.test" can answer 127.0.0.1, then 169.254.169.254, without any network.
 */
export class StaticResolver {
  private readonly table = new Map<string, ResolvedAddress[]>();
  /** Every name asked, in order. */
  readonly asked: string[] = [];

  constructor(entries: Record<string, string | string[]> = {}) {
    for (const [name, addresses] of Object.entries(entries)) this.set(name, addresses);
  }

  /** Answer `name` with these addresses from now on. */
  set(name: string, addresses: string | string[]): this {
    const list = (Array.isArray(addresses) ? addresses : [addresses]).map((address) => {
      const family = isIP(address);
      if (family === 0) throw new RangeError(`"${address}" is not an IP address`);
      return { address, family: family as 4 | 6 };
    });
    this.table.set(name.toLowerCase(), list);
    return this;
  }

  readonly lookup: HostLookup = async (hostname) => {
    const name = hostname.toLowerCase();
    this.asked.push(name);
    const answer = this.table.get(name);
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return answer.map((a) => ({ ...a }));
  };
}
