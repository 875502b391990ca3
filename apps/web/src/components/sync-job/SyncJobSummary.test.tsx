import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { stats } from "../../test/fixtures";
import { SyncJobSummary } from "./SyncJobSummary";

const base = {
  outcome: "completed" as const,
  message: "Completed: 40 found, 10 added",
  total_duration_ms: 5_000,
  step_durations_ms: {},
  stats: stats(),
  first_errors: [],
};

describe("SyncJobSummary", () => {
  test("counts the same-content duplicates by the source of their original, most first", () => {
    render(<SyncJobSummary summary={{ ...base, same_content_by_source: { "GH-Board": 2, "TopCV-Demo": 30 } }} />);
    const list = screen.getByLabelText("Same content duplicates by source");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(["TopCV-Demo: 30", "GH-Board: 2"]);
  });

  test("shows nothing about them when there are none, or in summaries written before they were counted", () => {
    const { rerender } = render(<SyncJobSummary summary={{ ...base, same_content_by_source: {} }} />);
    expect(screen.queryByLabelText("Same content duplicates by source")).toBeNull();
    rerender(<SyncJobSummary summary={base} />);
    expect(screen.queryByLabelText("Same content duplicates by source")).toBeNull();
  });
});
