import { createRootRoute, createRoute, lazyRouteComponent, Outlet, redirect, useParams } from "@tanstack/react-router";
import { AdminLayout } from "../components/layout/AdminLayout";
import { DataSourcesPage } from "../pages/admin/DataSourcesPage";
import { JobPostingPage } from "../pages/admin/JobPostingPage";
import { NotFoundPage } from "../pages/admin/NotFoundPage";
import { SourcePage } from "../pages/admin/SourcePage";
import { LoginPage } from "../pages/LoginPage";
import { plainSearch } from "./search-params";
import { useSession } from "./session-context";

/**
 * The admin UI's pages, one route each, on real paths. Adding a page: a route here (its top-level path also in the
 * contracts' WEB_APP_PATHS, so the server answers it), an entry in `navigation.ts` if the sidebar lists it, and its
 * strings in `i18n/locales/{en,vi}`. See apps/web/README.md.
 */

/** Signed out: the login page, at whatever path was asked for (a deep link opens once signed in). */
function Root() {
  const { session } = useSession();
  if (!session) return <LoginPage />;
  return (
    <AdminLayout>
      <Outlet />
    </AdminLayout>
  );
}

const validateSearch = plainSearch;

export const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFoundPage, validateSearch });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: ({ search }) => {
    throw redirect({ to: "/data-sources", search, replace: true });
  },
});

export const dataSourcesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/data-sources",
  component: DataSourcesPage,
});

/** `/data-sources/TopCV/edit`: the Data Sources page with TopCV's edit form open. */
export const dataSourceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/data-sources/$siteName/edit",
  component: DataSourcesPage,
});

function SourceRoute() {
  const { siteName } = useParams({ from: "/data-sources/$siteName" });
  return <SourcePage siteName={siteName} />;
}

/** `/data-sources/TopCV`: TopCV's source page (health, its last sync jobs charted, fill rates against the baseline). */
export const sourcePageRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/data-sources/$siteName",
  component: SourceRoute,
});

export const syncHistoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sync-history",
  component: lazyRouteComponent(() => import("../pages/admin/SyncHistoryPage"), "SyncHistoryPage"),
});

/** `/sync-jobs/<id>`: Sync History with that sync job open in the modal. */
export const syncJobRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sync-jobs/$jobId",
  component: lazyRouteComponent(() => import("../pages/admin/SyncHistoryPage"), "SyncHistoryPage"),
});

export const jobPostingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/job-postings",
  component: lazyRouteComponent(() => import("../pages/admin/JobPostingsPage"), "JobPostingsPage"),
});

function JobPostingRoute() {
  const { id } = useParams({ from: "/job-postings/$id" });
  const number = Number(id);
  return Number.isInteger(number) && number > 0 ? <JobPostingPage id={number} /> : <NotFoundPage />;
}

export const jobPostingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/job-postings/$id",
  component: JobPostingRoute,
});

export const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/notifications",
  component: lazyRouteComponent(() => import("../pages/admin/NotificationsPage"), "NotificationsPage"),
});

export const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/users",
  component: lazyRouteComponent(() => import("../pages/admin/UsersPage"), "UsersPage"),
});

export const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/audit",
  component: lazyRouteComponent(() => import("../pages/admin/AuditPage"), "AuditPage"),
});

export const routeTree = rootRoute.addChildren([
  indexRoute,
  dataSourcesRoute,
  dataSourceRoute,
  sourcePageRoute,
  syncHistoryRoute,
  syncJobRoute,
  jobPostingsRoute,
  jobPostingRoute,
  notificationsRoute,
  usersRoute,
  auditRoute,
]);
