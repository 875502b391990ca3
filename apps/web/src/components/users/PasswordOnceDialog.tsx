import { useTranslation } from "react-i18next";
import { Button } from "../ui/button";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "../ui/dialog";

/** A generated password, shown this once: the server keeps only its hash. */
export function PasswordOnceDialog({
  shown,
  onClose,
}: {
  shown: { email: string; password: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={shown !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent width="max-w-md">
        <DialogHeader>
          <DialogTitle>{t("users.passwordOnce.title", { email: shown?.email ?? "" })}</DialogTitle>
          <DialogDescription>{t("users.passwordOnce.description")}</DialogDescription>
        </DialogHeader>
        <DialogBody>
          <code data-testid="generated-password" className="block rounded bg-zinc-100 px-3 py-2 font-mono text-sm">
            {shown?.password}
          </code>
        </DialogBody>
        <DialogFooter>
          <Button variant="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
