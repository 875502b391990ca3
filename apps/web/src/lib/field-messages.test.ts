import { describe, expect, test } from "vitest";
import { i18n } from "../i18n/i18n";
import { fieldMessage } from "./field-messages";

describe("validation messages name the field as the form labels it", () => {
  const en = i18n.getFixedT("en");
  const vi = i18n.getFixedT("vi");

  test.each([
    [
      "max_pages must be a whole number from 1 to 100",
      "max_pages",
      "Max pages",
      "Max pages must be a whole number from 1 to 100",
    ],
    [
      "config.timeout must be a whole number from 1 to 300",
      "timeout",
      "Timeout",
      "Timeout must be a whole number from 1 to 300",
    ],
    [
      "search_keywords[] must be a slug of lower-case letters, digits and hyphens (e.g. python-developer), 1-80 characters",
      "search_keywords",
      "Search keywords",
      "Search keywords: use lower-case letters, digits and hyphens (e.g. python-developer), up to 80 characters each",
    ],
    [
      "schedule_cron is not a valid cron expression: bad minute",
      "schedule_cron",
      "Schedule (cron)",
      "Schedule (cron) is not a valid cron expression: bad minute",
    ],
    // another shape keeps its words after the label
    ["start_urls must hold from 1 to 20 URLs", "start_urls", "Start URLs", "Start URLs must hold from 1 to 20 URLs"],
    // a message that does not start with the key is shown after the label
    [
      "give at least one of search_keywords or companies",
      "companies",
      "Companies",
      "Companies: give at least one of search_keywords or companies",
    ],
  ])("%s", (message, key, label, expected) => {
    expect(fieldMessage(en, message, key, label)).toBe(expected);
  });

  test("in Vietnamese", () => {
    expect(fieldMessage(vi, "max_pages must be a whole number from 1 to 100", "max_pages", "Số trang tối đa")).toBe(
      "Số trang tối đa phải là số nguyên từ 1 đến 100",
    );
    expect(fieldMessage(vi, "base_url host 127.0.0.1 is a private or loopback address", "base_url", "URL gốc")).toBe(
      "URL gốc trỏ tới 127.0.0.1, một địa chỉ nội bộ hoặc riêng",
    );
    expect(fieldMessage(vi, "password is required", "password", "Mật khẩu")).toBe("Cần nhập Mật khẩu");
  });
});
