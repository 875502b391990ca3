/**
 * A reader of `text/event-stream` bodies, as the HTML spec parses them, for fetch responses (which, unlike
 * `EventSource`, can carry an Authorization header and a Last-Event-ID of our choosing).
 */

export interface SseEvent {
  /** "message" when the stream named none. */
  event: string;
  data: string;
  /** The last `id:` seen so far in the stream (the spec's "last event ID"), or null. */
  id: string | null;
}

/** Feed text chunks, get complete events. Comments (`: ping`) and unknown fields are ignored. */
export class SseParser {
  private buffer = "";
  private eventType = "";
  private data: string[] = [];
  private lastEventId: string | null = null;
  private pendingCr = false;

  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith("\n")) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const events: SseEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone trailing CR may be the first half of CRLF: wait for the next chunk.
      if (match[0] === "\r" && match.index === this.buffer.length - 1) {
        this.pendingCr = true;
        const line = this.buffer.slice(0, match.index);
        this.buffer = "";
        const event = this.line(line);
        if (event) events.push(event);
        break;
      }
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.data.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      default:
        break;
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    const type = this.eventType || "message";
    const data = this.data;
    this.eventType = "";
    this.data = [];
    if (data.length === 0) return null;
    return { event: type, data: data.join("\n"), id: this.lastEventId };
  }
}

/**
 * Read a response body as a stream of events until it ends or `signal` aborts. `onChunk` hears every chunk, heartbeat
 * comments included, so a caller can tell a quiet stream from a dead one.
 */
export async function* readSseEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
  onChunk?: () => void,
): AsyncGenerator<SseEvent, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  const onAbort = () => void reader.cancel().catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      onChunk?.();
      for (const event of parser.push(decoder.decode(value, { stream: true }))) yield event;
    }
    // An event not ended by a blank line when the stream ends is incomplete: the spec drops it.
    for (const event of parser.push(decoder.decode())) yield event;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    try {
      reader.releaseLock();
    } catch {
      // a read still pending after cancel: the stream is finished either way
    }
  }
}
