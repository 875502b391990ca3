import { useTranslation } from "react-i18next";
import { useCanWrite } from "../../hooks/use-role";
import { Button, type ButtonProps } from "./button";

/**
 * A button that changes something: for a viewer it shows disabled, with a tooltip saying why (never a 403 after a
 * click). The tooltip sits on a wrapper, since a disabled button gets no pointer events.
 */
export function WriteButton(props: ButtonProps) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  if (canWrite) return <Button {...props} />;
  return (
    <span title={t("common.adminOnly")} className="inline-flex" data-read-only="">
      <Button {...props} onClick={undefined} disabled aria-description={t("common.adminOnly")} />
    </span>
  );
}

/** For other controls (a switch): disabled and the tooltip text for a viewer. */
export function useWriteControl(): { disabled: boolean; title: string | undefined } {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  return { disabled: !canWrite, title: canWrite ? undefined : t("common.adminOnly") };
}
