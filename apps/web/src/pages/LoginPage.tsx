import { loginRequestSchema } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../app/api-context";
import { useSession } from "../app/session-context";
import { LanguageSwitch } from "../components/layout/LanguageSwitch";
import { Button } from "../components/ui/button";
import { Field, fieldAria } from "../components/ui/field";
import { Input } from "../components/ui/input";
import { usePageTitle } from "../hooks/use-document-title";
import { fieldMessage } from "../lib/field-messages";
import { ApiError, errorMessage } from "../services/api-error";
import { authApi } from "../services/auth-api";

export function LoginPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { notice, signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const login = useMutation({
    mutationFn: (body: { email: string; password: string }) => authApi.login(api, body),
    onSuccess: signIn,
  });
  const formRef = useRef<HTMLFormElement>(null);
  usePageTitle(t("auth.title"));

  useEffect(() => {
    if (Object.keys(fieldErrors).length > 0)
      formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [fieldErrors]);

  const labels: Record<string, string> = { email: t("auth.email"), password: t("auth.password") };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        errors[key] ??= fieldMessage(t, issue.message, key, labels[key] ?? key);
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data);
  };

  const loginError = (error: unknown): string => {
    if (error instanceof ApiError && error.code === "rate_limited" && error.retryAfterSeconds !== null) {
      return t("auth.rateLimited", { seconds: error.retryAfterSeconds });
    }
    if (error instanceof ApiError && error.status === 401) {
      const reason = (error.details as { reason?: unknown } | null)?.reason;
      return t(reason === "account_deactivated" ? "auth.deactivated" : "auth.invalidCredentials");
    }
    return errorMessage(error);
  };

  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-zinc-100 px-4 py-8">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span className="flex size-8 items-center justify-center rounded-md bg-zinc-900 text-white">
            <RefreshCw className="size-4" aria-hidden />
          </span>
          <span className="text-lg font-semibold tracking-tight">jobsync</span>
        </div>
        <form
          ref={formRef}
          noValidate
          onSubmit={submit}
          aria-labelledby="login-heading"
          className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm"
        >
          <div>
            <h1 id="login-heading" className="text-[15px] font-semibold">
              {t("auth.heading")}
            </h1>
            <p className="text-[13px] text-zinc-600">{t("auth.subheading")}</p>
          </div>
          {notice ? (
            <p
              role="status"
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
            >
              {t(`auth.notice.${notice}`)}
            </p>
          ) : null}
          {login.isError ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
              {loginError(login.error)}
            </p>
          ) : null}
          <Field id="login-email" label={labels.email ?? ""} error={fieldErrors.email}>
            <Input
              {...fieldAria("login-email", fieldErrors.email)}
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Field id="login-password" label={labels.password ?? ""} error={fieldErrors.password}>
            <Input
              {...fieldAria("login-password", fieldErrors.password)}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" className="justify-center" disabled={login.isPending}>
            {login.isPending ? t("auth.signingIn") : t("auth.signIn")}
          </Button>
        </form>
        <LanguageSwitch className="mt-4 justify-center" />
      </div>
    </main>
  );
}
