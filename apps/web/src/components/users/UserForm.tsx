import { type CreateUserRequest, createUserRequestSchema, USER_ROLES, type UserRole } from "@jobsync/contracts";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../hooks/use-form-errors";
import { fieldMessage } from "../../lib/field-messages";
import { hasErrors, mergeErrors, zodErrors } from "../../lib/form-errors";
import { Field, fieldAria } from "../ui/field";
import { DialogForm } from "../ui/form-dialog";
import { Input, Select } from "../ui/input";

export interface UserFormProps {
  pending: boolean;
  submitError: unknown;
  onSubmit: (body: CreateUserRequest) => void;
  onCancel: () => void;
}

/** A new user: e-mail, role, and a password (left empty: one is generated and shown once). */
export function UserForm({ pending, submitError, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<UserRole>("viewer");
  const [password, setPassword] = useState("");
  const { errors, setClientErrors, edited } = useFormErrors(submitError);
  const labels: Record<string, string> = {
    email: t("users.form.email"),
    role: t("users.form.role"),
    password: t("users.form.password"),
  };
  const errorOf = (key: string) => {
    const message = errors.fields[key];
    return message ? fieldMessage(t, message, key, labels[key] ?? key) : null;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { email: email.trim(), role, ...(password ? { password } : {}) };
    const check = createUserRequestSchema.safeParse(body);
    const found = mergeErrors(check.success ? [] : zodErrors(check.error));
    setClientErrors(found);
    if (!hasErrors(found) && check.success) onSubmit(check.data);
  };
  const field = (key: string, hasHint = false) => fieldAria(`${id}-${key}`, errorOf(key), hasHint);
  return (
    <DialogForm
      label={t("users.form.label")}
      errors={errors}
      onSubmit={submit}
      onCancel={onCancel}
      submitLabel={t("users.form.create")}
      pending={pending}
    >
      <Field id={`${id}-email`} label={labels.email ?? ""} error={errorOf("email")}>
        <Input
          {...field("email")}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            edited();
          }}
        />
      </Field>
      <Field id={`${id}-role`} label={labels.role ?? ""} error={errorOf("role")}>
        <Select
          {...field("role")}
          value={role}
          onChange={(e) => {
            setRole(e.target.value as UserRole);
            edited();
          }}
        >
          {USER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(r === "admin" ? "layout.roleAdmin" : "layout.roleViewer")}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id={`${id}-password`}
        label={labels.password ?? ""}
        hint={t("users.form.passwordHint")}
        error={errorOf("password")}
      >
        <Input
          {...field("password", true)}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value);
            edited();
          }}
        />
      </Field>
    </DialogForm>
  );
}
