import { Languages } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, LANGUAGE_NAMES, LANGUAGES, type Language, setLanguage } from "../../i18n/i18n";
import { cn } from "../../lib/cn";

/** English / Tiếng Việt, remembered in this browser. Each language is named in itself. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={cn("flex items-center gap-1.5 text-xs", className)}>
      <label htmlFor={id} className="flex items-center gap-1 text-zinc-600">
        <Languages className="size-3.5" aria-hidden />
        {t("layout.language")}
      </label>
      <select
        id={id}
        className="h-7 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-900"
        value={currentLanguage()}
        onChange={(event) => void setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
