import { type HostLookup, NetworkPolicy, PrivateAddressError } from "@jobsync/crawler";

/** The settings the address policies are built from (the environment's switches, and the tests' resolver). */
export interface NetworkSettings {
  /** ALLOW_PRIVATE_HOSTS: data sources (sync, Test selectors, expiry re-check) may reach private addresses. */
  allowPrivateHosts: boolean;
  /** ALLOW_PRIVATE_WEBHOOKS: notification webhooks may. */
  allowPrivateWebhooks?: boolean;
  /** Private endpoints reachable anyway ("127.0.0.1:3001": the demo board). */
  privateEndpoints?: string[];
  /** A resolver of one's own (tests); the system's otherwise. */
  lookup?: HostLookup;
}

/** The policy of everything a data source makes us fetch. */
export function hostPolicy(settings: NetworkSettings): NetworkPolicy {
  return new NetworkPolicy({
    allowPrivate: settings.allowPrivateHosts,
    switchName: "ALLOW_PRIVATE_HOSTS",
    ...(settings.lookup ? { lookup: settings.lookup } : {}),
    ...(settings.privateEndpoints ? { exemptEndpoints: settings.privateEndpoints } : {}),
  });
}

/** The policy of notification webhooks: their own switch, no exemption. */
export function webhookPolicy(settings: NetworkSettings): NetworkPolicy {
  return new NetworkPolicy({
    allowPrivate: settings.allowPrivateWebhooks ?? false,
    switchName: "ALLOW_PRIVATE_WEBHOOKS",
    ...(settings.lookup ? { lookup: settings.lookup } : {}),
  });
}

/**
 * Why `url` may not be saved under `policy` — "refused: evil.test resolves to a private address (127.0.0.1,
 * loopback); set ALLOW_PRIVATE_HOSTS=1 to allow it" —, or null. The host is resolved now; a name that does not
 * resolve (yet) passes: every connection is checked again when it is made.
 */
export async function privateUrlReason(url: string, policy: NetworkPolicy): Promise<string | null> {
  if (policy.allowPrivate) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a valid URL`;
  }
  const port = Number(parsed.port) || (parsed.protocol === "https:" ? 443 : 80);
  try {
    await policy.resolve(parsed.hostname, port, url);
    return null;
  } catch (error) {
    return error instanceof PrivateAddressError ? error.message : null;
  }
}
