import { RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { type AppRouter, createAppRouter, redirectLegacyHash } from "./router";

/** The admin UI: the router over the pages (the login page while signed out), inside <AppProviders>. */
export function App({ router }: { router?: AppRouter }) {
  const [instance] = useState(() => {
    if (router) return router;
    redirectLegacyHash();
    return createAppRouter();
  });
  return <RouterProvider router={instance} />;
}
