import { describe, expect, it } from "vitest";
import { serviceOptionsFromEnv } from "../../src/app/service-options";
import { EnvError, loadEnv } from "../../src/config/env";

describe("SMTP settings (e-mail notifications)", () => {
  it("are optional and reach the service options", () => {
    expect(loadEnv({}).SMTP_URL).toBeUndefined();
    const env = loadEnv({ SMTP_URL: "smtps://user:pass@mail.example.com:465", SMTP_FROM: "jobsync <ops@example.com>" });
    const options = serviceOptionsFromEnv(env, "x".repeat(40));
    expect(options).toMatchObject({
      smtpUrl: "smtps://user:pass@mail.example.com:465",
      smtpFrom: "jobsync <ops@example.com>",
      notificationMaxAttempts: 6,
    });
  });

  it("refuses a URL that is not smtp:// or smtps://", () => {
    expect(() => loadEnv({ SMTP_URL: "http://mail.example.com" })).toThrow(EnvError);
    try {
      loadEnv({ SMTP_URL: "mail.example.com:25" });
    } catch (error) {
      expect((error as EnvError).problems).toEqual(["SMTP_URL must be an smtp:// or smtps:// URL"]);
    }
  });
});
