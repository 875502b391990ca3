import { describe, expect, test } from "vitest";
import { readSseEvents, SseParser } from "./sse-reader";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of readSseEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe("SSE reading", () => {
  test("events with ids, names and data; comments are skipped", async () => {
    const events = await collect([
      ": ping\n\n",
      'id: 3\nevent: progress\ndata: {"v":3}\n\n',
      ": ping\n\n",
      "event: end\ndata: {}\n\n",
    ]);
    expect(events).toEqual([
      { event: "progress", data: '{"v":3}', id: "3" },
      { event: "end", data: "{}", id: "3" },
    ]);
  });

  test("lines split anywhere across chunks, CRLF split between chunks, multi-line data", async () => {
    const events = await collect(["id: 1\r", "\nevent: prog", "ress\r\ndata: line one\r\nda", "ta: line two\r\n\r\n"]);
    expect(events).toEqual([{ event: "progress", data: "line one\nline two", id: "1" }]);
  });

  test("multi-byte UTF-8 split between chunks", async () => {
    const bytes = new TextEncoder().encode("data: Kế toán\n\n");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 8));
        controller.enqueue(bytes.slice(8));
        controller.close();
      },
    });
    const events = [];
    for await (const event of readSseEvents(stream)) events.push(event);
    expect(events).toEqual([{ event: "message", data: "Kế toán", id: null }]);
  });

  test("an event without data is not dispatched; an unfinished last event is dropped", async () => {
    const events = await collect(["event: progress\n\n", "data: kept\n\n", "event: progress\ndata: cut off"]);
    expect(events).toEqual([{ event: "message", data: "kept", id: null }]);
  });

  test("no space after the colon, and a field with no colon", () => {
    const parser = new SseParser();
    expect(parser.push("data:tight\ndata\n\n")).toEqual([{ event: "message", data: "tight\n", id: null }]);
  });

  test("lone CR line endings", () => {
    const parser = new SseParser();
    expect(parser.push("event: end\rdata: x\r\r")).toEqual([{ event: "end", data: "x", id: null }]);
  });
});
