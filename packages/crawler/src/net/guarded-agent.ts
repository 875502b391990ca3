import type { Socket } from "node:net";
import { Agent, buildConnector, type Dispatcher, fetch as undiciFetch } from "undici";
import type { NetworkPolicy, ResolvedAddress } from "./network-policy";

export interface GuardedAgentOptions extends Omit<Agent.Options, "connect"> {
  /** Connect timeout per address tried (default 10 s). */
  connectTimeoutMillis?: number;
}

/**
 * An undici Agent whose every new connection (every redirect hop, every keep-alive reconnect) asks the policy for
 * the host's addresses and connects to one of those very addresses — the name is never resolved a second time, so
 * a DNS answer that changes between the check and the connection (rebinding) cannot pass. TLS still verifies the
 * certificate against the host name (SNI). A refusal fails the request with PrivateAddressError.
 */
export function createGuardedAgent(policy: NetworkPolicy, options: GuardedAgentOptions = {}): Agent {
  const { connectTimeoutMillis = 10_000, ...agentOptions } = options;
  const connectTo = buildConnector({ timeout: connectTimeoutMillis });
  const connect: buildConnector.connector = (opts, callback) => {
    const https = opts.protocol === "https:";
    const port = Number(opts.port) || (https ? 443 : 80);
    const origin = `${opts.protocol}//${opts.host}/`;
    policy.resolve(opts.hostname, port, origin).then(
      (addresses) => tryAddresses(addresses, 0, opts, connectTo, callback),
      (error: Error) => callback(error, null),
    );
  };
  return new Agent({ ...agentOptions, connect });
}

/** Connect to the first address that answers (a dead IPv6 route falls back to the next address). */
function tryAddresses(
  addresses: ResolvedAddress[],
  index: number,
  opts: buildConnector.Options,
  connectTo: buildConnector.connector,
  callback: buildConnector.Callback,
): void {
  const { address } = addresses[index] as ResolvedAddress;
  connectTo({ ...opts, hostname: address }, (error, socket) => {
    if (error && index + 1 < addresses.length) {
      tryAddresses(addresses, index + 1, opts, connectTo, callback);
      return;
    }
    if (error) callback(error, null);
    else callback(null, socket as Socket);
  });
}

/** A `fetch` whose connections obey the policy (webhooks, the expiry re-check). Close it to free its sockets. */
export interface GuardedFetch {
  fetch(url: string, init?: Parameters<typeof undiciFetch>[1]): ReturnType<typeof undiciFetch>;
  close(): Promise<void>;
}

export function createGuardedFetch(policy: NetworkPolicy, options: GuardedAgentOptions = {}): GuardedFetch {
  const dispatcher: Dispatcher = createGuardedAgent(policy, options);
  return {
    fetch: (url, init) => undiciFetch(url, { ...init, dispatcher }),
    close: () => dispatcher.close(),
  };
}
