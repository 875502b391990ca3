import { TOPCV_GUIDE_CONFIG } from "@jobsync/contracts";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, test, vi } from "vitest";
import { i18n } from "../../i18n/i18n";
import { syncOptionFields } from "../../lib/config-fields";
import { dataSourceFixture } from "../../test/fixtures";
import { DataSourceForm } from "./DataSourceForm";

const filtered = dataSourceFixture({
  site_name: "TopCV",
  config: { ...TOPCV_GUIDE_CONFIG, provinces: ["Hà Nội"], min_salary: 10_000_000, include_keywords: ["python"] },
});

function errorOf(label: string | RegExp): string | null {
  const id = screen.getByLabelText(label).getAttribute("aria-describedby");
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe("filters and incremental sync in the data source form", () => {
  test("the shared options are optional fields with hints", () => {
    const fields = syncOptionFields();
    expect(fields.map((f) => f.key)).toEqual([
      "include_keywords",
      "exclude_keywords",
      "provinces",
      "min_salary",
      "max_experience_years",
      "stop_after_known_pages",
      "auto_disable_after_failures",
      "drift_tolerance",
      "archive",
      "archive_max_mb",
    ]);
    expect(fields.every((f) => f.optional)).toBe(true);
    // each has a hint of its own, in both languages
    for (const language of ["en", "vi"] as const) {
      const t = i18n.getFixedT(language);
      for (const field of fields) expect(t(`config.hints.${field.key}` as never), field.key).not.toBe("");
    }
  });

  test("shows the stored filters; clearing a number replaces the config, clearing a list sends []", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm source={filtered} onSubmit={onSubmit} onCancel={() => {}} />);
    expect(screen.getByLabelText("Provinces")).toHaveValue("Hà Nội");
    expect(screen.getByLabelText("Min salary (VND a month)")).toHaveValue("10000000");
    await userEvent.clear(screen.getByLabelText("Min salary (VND a month)"));
    await userEvent.clear(screen.getByLabelText("Include keywords"));
    await userEvent.type(screen.getByLabelText("Exclude keywords"), "senior{enter}trưởng phòng");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const { body } = onSubmit.mock.calls[0]![0];
    expect(body.replace_config).toBe(true);
    expect(body.config).toMatchObject({
      provinces: ["Hà Nội"],
      include_keywords: [],
      exclude_keywords: ["senior", "trưởng phòng"],
      max_pages: 5,
    });
    expect(body.config).not.toHaveProperty("min_salary");
    expect(body.config).not.toHaveProperty("max_experience_years");
  });

  test("a bad province or number is named next to its field and nothing is sent", async () => {
    const onSubmit = vi.fn();
    render(<DataSourceForm source={filtered} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText("Provinces"), "{enter}Atlantis");
    await userEvent.type(screen.getByLabelText("Max experience years"), "-2");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorOf("Provinces")).toContain("Provinces must be a province name");
    expect(errorOf("Max experience years")).toContain("Max experience years must be a whole number from 0 to 50");
  });
});
