import type { CreateUserRequest, ManagedUser, UpdateUserRequest } from "@jobsync/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";
import { FormDialog } from "../../components/ui/form-dialog";
import { EmptyState, ErrorState, LoadingState } from "../../components/ui/states";
import { WriteButton } from "../../components/ui/write-button";
import { PasswordOnceDialog } from "../../components/users/PasswordOnceDialog";
import { UserForm } from "../../components/users/UserForm";
import { UsersTable } from "../../components/users/UsersTable";
import { userKeys, usersQuery } from "../../queries/users";
import { errorMessage } from "../../services/api-error";
import { usersApi } from "../../services/users-api";

/** Users (admins only): create, change role, deactivate / reactivate, reset a password. */
export function UsersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);
  const users = useQuery(usersQuery(api));
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.all });

  const create = useMutation({
    mutationFn: (body: CreateUserRequest) => usersApi.create(api, body),
    onSuccess: async (user) => {
      await refresh();
      setCreating(false);
      toast.success(t("users.toast.created", { email: user.email }));
      if (user.password) setShown({ email: user.email, password: user.password });
    },
  });
  const update = useMutation({
    mutationFn: ({ user, body }: { user: ManagedUser; body: UpdateUserRequest }) => usersApi.update(api, user.id, body),
    onSuccess: (user) => toast.success(t("users.toast.saved", { email: user.email })),
    onSettled: refresh,
  });
  const reset = useMutation({
    mutationFn: (user: ManagedUser) => usersApi.resetPassword(api, user.id),
    onSuccess: (user) => user.password && setShown({ email: user.email, password: user.password }),
  });
  const failure = update.error ?? reset.error;

  const items = users.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.description")}
        actions={
          <WriteButton variant="primary" onClick={() => setCreating(true)}>
            <UserPlus className="size-3.5" aria-hidden />
            {t("users.new")}
          </WriteButton>
        }
      />
      <PageBody>
        {failure ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800">
            {errorMessage(failure)}
          </p>
        ) : null}
        {users.isPending ? (
          <LoadingState label={t("users.loading")} />
        ) : users.isError ? (
          <ErrorState
            title={t("users.loadFailed")}
            message={errorMessage(users.error)}
            onRetry={() => void users.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title={t("users.empty")} />
        ) : (
          <UsersTable
            users={items}
            busy={update.isPending || reset.isPending}
            onChangeRole={(user, role) => update.mutate({ user, body: { role } })}
            onSetActive={(user, active) => update.mutate({ user, body: { active } })}
            onResetPassword={(user) => reset.mutate(user)}
          />
        )}
      </PageBody>
      <FormDialog
        open={creating}
        onOpenChange={(open) => {
          if (!open) create.reset();
          setCreating(open);
        }}
        width="max-w-md"
        title={t("users.form.title")}
        description={t("users.form.description")}
      >
        <UserForm
          pending={create.isPending}
          submitError={create.error}
          onSubmit={(body) => create.mutate(body)}
          onCancel={() => setCreating(false)}
        />
      </FormDialog>
      <PasswordOnceDialog shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
