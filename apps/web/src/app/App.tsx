import { AdminLayout } from "../components/layout/AdminLayout";
import { useHashRoute } from "../hooks/use-hash-route";
import { matchPath } from "../lib/hash-route";
import { DataSourcesPage } from "../pages/admin/DataSourcesPage";
import { JobPostingPage } from "../pages/admin/JobPostingPage";
import { JobPostingsPage } from "../pages/admin/JobPostingsPage";
import { NotificationsPage } from "../pages/admin/NotificationsPage";
import { SyncHistoryPage } from "../pages/admin/SyncHistoryPage";
import { LoginPage } from "../pages/LoginPage";
import { useSession } from "./session-context";

function Page({ path }: { path: string }) {
  if (path === "/sync-history") return <SyncHistoryPage />;
  if (path === "/postings") return <JobPostingsPage />;
  if (path === "/notifications") return <NotificationsPage />;
  const posting = matchPath("/postings/:id", path);
  const id = posting ? Number(posting.id) : Number.NaN;
  if (posting && Number.isInteger(id) && id > 0) return <JobPostingPage id={id} />;
  return <DataSourcesPage />;
}

/** Signed out: the login page. Signed in: the admin dashboard at the hash route. */
export function App() {
  const { session } = useSession();
  const { path } = useHashRoute();
  if (!session) return <LoginPage />;
  return (
    <AdminLayout path={path}>
      <Page path={path} />
    </AdminLayout>
  );
}
