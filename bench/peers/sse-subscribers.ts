/**
 * N Server-Sent Events subscribers to one sync job, in a process of their own (run by B5):
 *   tsx bench/peers/sse-subscribers.ts <n> <events-url> <bearer-token>
 * Prints "connected <n>" once every stream is open, then one JSON line when every stream has ended:
 * { subscribers, ended, minEvents, maxEvents, sequences } (sequences: distinct lists of event ids received).
 */
import { Agent, request } from "undici";

const [countArg, url, token] = process.argv.slice(2);
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !url || !token) {
  console.error("usage: tsx bench/peers/sse-subscribers.ts <n> <events-url> <bearer-token>");
  process.exit(2);
}

const agent = new Agent({ connections: count + 10, bodyTimeout: 0, headersTimeout: 60_000 });

async function subscribe(onOpen: () => void): Promise<{ ids: number[]; ended: boolean }> {
  const response = await request(url!, {
    dispatcher: agent,
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
  });
  if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
  onOpen();
  const ids: number[] = [];
  let ended = false;
  let buffer = "";
  for await (const chunk of response.body) {
    buffer += chunk.toString();
    let cut = buffer.indexOf("\n\n");
    while (cut >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (frame.includes("event: progress")) ids.push(Number(/^id: (\d+)/m.exec(frame)?.[1] ?? -1));
      if (frame.includes("event: end")) ended = true;
      cut = buffer.indexOf("\n\n");
    }
  }
  return { ids, ended };
}

let open = 0;
const streams = Array.from({ length: count }, () =>
  subscribe(() => {
    open += 1;
    if (open === count) console.log(`connected ${count}`);
  }),
);
const results = await Promise.all(streams);
const lengths = results.map((r) => r.ids.length);
console.log(
  JSON.stringify({
    subscribers: count,
    ended: results.filter((r) => r.ended).length,
    minEvents: Math.min(...lengths),
    maxEvents: Math.max(...lengths),
    sequences: new Set(results.map((r) => r.ids.join(","))).size,
  }),
);
await agent.close();
