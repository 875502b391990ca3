import { describe, expect, it } from "vitest";
import { Channel, DownstreamStopped } from "../../../src/sync/stream/channel";

describe("the hand-over channel between streaming steps", () => {
  it("keeps order, holds the producer back while full, and ends with the producer's end", async () => {
    const channel = new Channel<number>(2);
    const pushed: number[] = [];
    const producer = (async () => {
      for (let i = 0; i < 5; i++) {
        await channel.push(i);
        pushed.push(i);
      }
      channel.close({ kind: "completed" });
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pushed).toEqual([0, 1]); // the third push waits for room
    const taken: number[] = [];
    for (let item = await channel.next(); item !== null; item = await channel.next()) taken.push(item);
    await producer;
    expect(taken).toEqual([0, 1, 2, 3, 4]);
    expect(channel.end).toEqual({ kind: "completed" });
  });

  it("a failed consumer makes the waiting and the next pushes throw, naming why", async () => {
    const channel = new Channel<number>(1);
    await channel.push(1);
    const waiting = channel.push(2);
    channel.break(new Error("Save Jobs failed: disk full"));
    await expect(waiting).rejects.toBeInstanceOf(DownstreamStopped);
    await expect(channel.push(3)).rejects.toThrow("Save Jobs failed: disk full");
  });

  it("refuses a capacity below 1", () => {
    expect(() => new Channel(0)).toThrow(RangeError);
  });
});
