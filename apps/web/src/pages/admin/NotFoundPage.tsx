import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PageBody, PageHeader } from "../../components/layout/PageHeader";

/** A path the admin UI has no page for (the server answers it with status 404). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} description={t("notFound.description")} />
      <PageBody>
        <p>
          <Link to="/data-sources" className="text-[13px] font-medium text-blue-700 underline underline-offset-2">
            {t("notFound.back")}
          </Link>
        </p>
      </PageBody>
    </>
  );
}
