import { type ChangePasswordRequest, changePasswordRequestSchema } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { useFormErrors } from "../../hooks/use-form-errors";
import { fieldMessage } from "../../lib/field-messages";
import { hasErrors, mergeErrors, zodErrors } from "../../lib/form-errors";
import { authApi } from "../../services/auth-api";
import { Field, fieldAria } from "../ui/field";
import { DialogForm, FormDialog } from "../ui/form-dialog";
import { Input } from "../ui/input";

/** Every user changes their own password here (the current one required); their other sessions end. */
export function ChangePasswordDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const save = useMutation({
    mutationFn: (body: ChangePasswordRequest) => authApi.changePassword(api, body),
    onSuccess: () => {
      toast.success(t("account.passwordChanged"));
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) save.reset();
        onOpenChange(next);
      }}
      width="max-w-md"
      title={t("account.changePassword")}
      description={t("account.changePasswordHint")}
    >
      <PasswordForm
        pending={save.isPending}
        submitError={save.error}
        onSubmit={(body) => save.mutate(body)}
        onCancel={() => onOpenChange(false)}
      />
    </FormDialog>
  );
}

function PasswordForm({
  pending,
  submitError,
  onSubmit,
  onCancel,
}: {
  pending: boolean;
  submitError: unknown;
  onSubmit: (body: ChangePasswordRequest) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const { errors, setClientErrors, edited } = useFormErrors(submitError);
  const labels: Record<string, string> = {
    current_password: t("account.currentPassword"),
    new_password: t("account.newPassword"),
  };
  const errorOf = (key: string) => {
    const message = errors.fields[key];
    return message ? fieldMessage(t, message, key, labels[key] ?? key) : null;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const check = changePasswordRequestSchema.safeParse({ current_password: current, new_password: next });
    const found = mergeErrors(check.success ? [] : zodErrors(check.error));
    setClientErrors(found);
    if (!hasErrors(found) && check.success) onSubmit(check.data);
  };
  const input = (key: "current_password" | "new_password", value: string, set: (v: string) => void) => (
    <Field id={`${id}-${key}`} label={labels[key] ?? key} error={errorOf(key)}>
      <Input
        {...fieldAria(`${id}-${key}`, errorOf(key))}
        type="password"
        autoComplete={key === "current_password" ? "current-password" : "new-password"}
        value={value}
        onChange={(e) => {
          set(e.target.value);
          edited();
        }}
      />
    </Field>
  );
  return (
    <DialogForm
      label={t("account.changePassword")}
      errors={errors}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t("account.changePassword")}
      pending={pending}
    >
      {input("current_password", current, setCurrent)}
      {input("new_password", next, setNext)}
    </DialogForm>
  );
}
