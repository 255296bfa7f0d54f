import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { DemoBanner, Layout } from "~/components/layout";
import { StaffHeader } from "~/components/staff/staff-header";
import { useLang } from "~/lib/i18n/use-lang";
import { useRootData } from "~/root";
import { staffRole } from "~/modules/staff/staff-session.server";

export const handle = { i18n: ["staff"], workspace: true };

/** The workspace shell: the role of a staff member past the second factor, else null (the page itself decides). */
export async function loader({ request }: LoaderFunctionArgs) {
  return { role: await staffRole(request) };
}

function Shell({ role, children }: { role: string | null; children: React.ReactNode }) {
  const lang = useLang();
  const { t } = useTranslation();
  const root = useRootData();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      {root?.demo ? <DemoBanner lang={lang} /> : null}
      <StaffHeader lang={lang} role={role} />
      <main id="main" tabIndex={-1} className="container workspace">
        {children}
      </main>
    </>
  );
}

export default function StaffWorkspace() {
  const { role } = useLoaderData<typeof loader>();
  return (
    <Shell role={role}>
      <Outlet />
    </Shell>
  );
}

/** Staff keep their workspace on an error page; anyone else sees the public one (a staff page reveals nothing). */
export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("routes/$lang.staff");
  const lang = useLang();
  const body = <ErrorPage lang={lang} error={error} />;
  const root = useRootData();
  return data?.role ? (
    <Shell role={data.role}>{body}</Shell>
  ) : (
    <Layout lang={lang} demo={root?.demo}>
      {body}
    </Layout>
  );
}
