import { loginRequestSchema } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { RefreshCw } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useApi } from "../app/api-context";
import { useSession } from "../app/session-context";
import { Button } from "../components/ui/button";
import { Field, fieldAria } from "../components/ui/field";
import { Input } from "../components/ui/input";
import { ApiError, errorMessage } from "../services/api-error";

function loginError(error: unknown): string {
  if (error instanceof ApiError && error.code === "rate_limited" && error.retryAfterSeconds !== null) {
    return `${error.message} Try again in ${error.retryAfterSeconds} s.`;
  }
  return errorMessage(error);
}

export function LoginPage() {
  const api = useApi();
  const { notice, signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const login = useMutation({ mutationFn: api.login.bind(api), onSuccess: signIn });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data);
  };

  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span className="flex size-8 items-center justify-center rounded-md bg-zinc-900 text-white">
            <RefreshCw className="size-4" aria-hidden />
          </span>
          <span className="text-lg font-semibold tracking-tight">jobsync</span>
        </div>
        <form
          noValidate
          onSubmit={submit}
          aria-label="Sign in"
          className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm"
        >
          <div>
            <h1 className="text-[15px] font-semibold">Sign in to the admin</h1>
            <p className="text-[13px] text-zinc-500">Data sources, sync jobs and job postings.</p>
          </div>
          {notice ? (
            <p
              role="status"
              className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-[13px] text-amber-900"
            >
              {notice}
            </p>
          ) : null}
          {login.isError ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
              {loginError(login.error)}
            </p>
          ) : null}
          <Field id="login-email" label="Email" error={fieldErrors.email}>
            <Input
              {...fieldAria("login-email", fieldErrors.email)}
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Field id="login-password" label="Password" error={fieldErrors.password}>
            <Input
              {...fieldAria("login-password", fieldErrors.password)}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <Button type="submit" variant="primary" className="justify-center" disabled={login.isPending}>
            {login.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </div>
    </main>
  );
}
