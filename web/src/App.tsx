// The app shell: 999 first, then the navigation, then the page. Pages other than the first ones a
// person sees are loaded on demand, so the first page stays small on a slow phone connection.
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { DangerLink } from "./components/DangerLink.tsx";
import { Page } from "./components/Page.tsx";
import { OfflineBanner } from "./offline/OfflineBanner.tsx";
import { useSession } from "./session.tsx";
import { Home } from "./pages/Home.tsx";
import { SignIn } from "./pages/SignIn.tsx";
import { Danger } from "./pages/Danger.tsx";
import type { Role } from "./types.ts";

const Setup = lazy(() => import("./pages/Setup.tsx"));
const Invite = lazy(() => import("./pages/Invite.tsx"));
const Record = lazy(() => import("./pages/Record.tsx"));
const Incidents = lazy(() => import("./pages/Incidents.tsx"));
const IncidentDetail = lazy(() => import("./pages/IncidentDetail.tsx"));
const People = lazy(() => import("./pages/People.tsx"));
const Check = lazy(() => import("./pages/Check.tsx"));
const PrivateDetails = lazy(() => import("./pages/PrivateDetails.tsx"));
const HealthCheck = lazy(() => import("./pages/HealthCheck.tsx"));
const Team = lazy(() => import("./pages/Team.tsx"));
const Contacts = lazy(() => import("./pages/Contacts.tsx"));
const Reference = lazy(() => import("./pages/Reference.tsx"));
const Settings = lazy(() => import("./pages/Settings.tsx"));
const Canvass = lazy(() => import("./pages/Canvass.tsx"));
const CanvassSession = lazy(() => import("./pages/CanvassSession.tsx"));
const CanvassAcknowledge = lazy(() => import("./pages/CanvassAcknowledge.tsx"));
const SharedWithPolice = lazy(() => import("./pages/SharedWithPolice.tsx"));
const PoliceQueue = lazy(() => import("./pages/police/Queue.tsx"));
const PoliceIncident = lazy(() => import("./pages/police/PoliceIncident.tsx"));
const Briefings = lazy(() => import("./pages/police/Briefings.tsx"));
const SpocRepeatActors = lazy(() => import("./pages/police/RepeatActors.tsx"));
const Statistics = lazy(() => import("./pages/analyst/Statistics.tsx"));
const AnalystRepeatActors = lazy(() => import("./pages/analyst/RepeatActors.tsx"));
const Admin = lazy(() => import("./pages/Admin.tsx"));

interface NavItem {
  href: string;
  label: string;
  /** Only for members who see the whole campaign (not "log only"). */
  fullOnly?: boolean;
  ownerOnly?: boolean;
  /** Only for accounts with one of these roles (police, analyst and administrator accounts have no campaign). */
  roles?: readonly Role[];
}

export const NAV: readonly NavItem[] = [
  { href: "/", label: "Home" },
  { href: "/police/queue", label: "Shared incidents", roles: ["spoc"] },
  { href: "/police/briefings", label: "Security briefings", roles: ["spoc"] },
  { href: "/police/repeat-actors", label: "Repeat actors", roles: ["spoc"] },
  { href: "/analyst", label: "Statistics", roles: ["analyst"] },
  { href: "/analyst/repeat-actors", label: "Repeat actors", roles: ["analyst"] },
  { href: "/admin", label: "Accounts", roles: ["admin"] },
  { href: "/record", label: "Record an incident" },
  { href: "/incidents", label: "Incidents" },
  { href: "/people", label: "People and patterns", fullOnly: true },
  { href: "/check", label: "Check a message" },
  { href: "/private-details", label: "Private details", fullOnly: true },
  { href: "/health-check", label: "Online health check" },
  { href: "/team", label: "Team", fullOnly: true },
  { href: "/contacts", label: "Police contact" },
  { href: "/police", label: "Shared with police", fullOnly: true },
  { href: "/reference", label: "Guidance and platforms" },
  { href: "/settings", label: "Settings" },
];

function Navigation() {
  const { campaign, session } = useSession();
  const [location] = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [location]);
  if (!session) return null;
  const everyone = new Set(["/", "/reference", "/settings"]);
  const items = NAV.filter((item) =>
    item.roles
      ? item.roles.includes(session.user.role)
      : (campaign || everyone.has(item.href)) &&
        (!item.fullOnly || (campaign && campaign.permission !== "log-only")) &&
        (!item.ownerOnly || campaign?.permission === "owner"),
  );
  return (
    <nav aria-label="Main" className="site-nav">
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <ul id="nav-list" className={open ? "open" : undefined}>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={location === item.href ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The campaign space being worked in; someone in more than one can switch here. */
function CampaignName() {
  const { session, campaign, chooseCampaign } = useSession();
  if (!session || !campaign) return null;
  if (session.campaigns.length < 2) return <span className="campaign-name">{campaign.name}</span>;
  return (
    <label className="campaign-name campaign-switch">
      <span className="visually-hidden">Campaign space</span>
      <select value={campaign.id} onChange={(e) => chooseCampaign(e.target.value)}>
        {session.campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Loading() {
  return (
    <p role="status" className="loading">
      Loading…
    </p>
  );
}

/** Pages for any signed-in account (e.g. settings). */
function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session === undefined) return <Loading />;
  if (session === null) return <Redirect to="/sign-in" />;
  return <>{children}</>;
}

/** Pages that need a signed-in member of a campaign space. */
function Member({ children }: { children: ReactNode }) {
  const { session, campaign } = useSession();
  if (session === undefined) return <Loading />;
  if (session === null) return <Redirect to="/sign-in" />;
  if (!campaign)
    return (
      <p className="intro">
        Your account is not part of a campaign team, so there is nothing to show here.{" "}
        <Link href="/">Go to the home page</Link> for the screens your account has.
      </p>
    );
  return <>{children}</>;
}

const ROLE_NAME: Partial<Record<Role, string>> = {
  spoc: "police single points of contact",
  analyst: "national analysts",
  admin: "administrators",
};

/** Pages for police, analyst or administrator accounts: `role` says whose. */
function Staff({ role, children }: { role: Role; children: ReactNode }) {
  const { session } = useSession();
  if (session === undefined) return <Loading />;
  if (session === null) return <Redirect to="/sign-in" />;
  if (session.user.role !== role)
    return (
      <Page title="Not for your account">
        <p>
          This page is for {ROLE_NAME[role] ?? role}. <Link href="/">Go to the home page</Link> for the
          screens your account has.
        </p>
      </Page>
    );
  return <>{children}</>;
}

/** /police: for a campaign's team, what it shared; a police SPOC is taken to their queue. */
function PoliceOrShared({ children }: { children: ReactNode }) {
  const { session } = useSession();
  if (session?.user.role === "spoc") return <Redirect to="/police/queue" replace />;
  return <>{children}</>;
}

export function App() {
  const { remembered } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <DangerLink />
        <div className="brand-row">
          <Link href="/" className="brand">
            Shield
          </Link>
          <CampaignName />
        </div>
        <Navigation />
      </header>
      <OfflineBanner remembered={remembered} />
      <main id="main" className="content">
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={Home} />
            <Route path="/danger" component={Danger} />
            <Route path="/sign-in" component={SignIn} />
            <Route path="/setup" component={Setup} />
            <Route path="/invite" component={Invite} />
            <Route path="/record">
              {() => (
                <Member>
                  <Record />
                </Member>
              )}
            </Route>
            <Route path="/incidents">
              {() => (
                <Member>
                  <Incidents />
                </Member>
              )}
            </Route>
            <Route path="/incidents/:id">
              {(params) => (
                <Member>
                  <IncidentDetail id={params.id} />
                </Member>
              )}
            </Route>
            <Route path="/people">
              {() => (
                <Member>
                  <People />
                </Member>
              )}
            </Route>
            <Route path="/check">
              {() => (
                <Member>
                  <Check />
                </Member>
              )}
            </Route>
            <Route path="/private-details">
              {() => (
                <Member>
                  <PrivateDetails />
                </Member>
              )}
            </Route>
            <Route path="/health-check">
              {() => (
                <Member>
                  <HealthCheck />
                </Member>
              )}
            </Route>
            <Route path="/team">
              {() => (
                <Member>
                  <Team />
                </Member>
              )}
            </Route>
            <Route path="/contacts">
              {() => (
                <Member>
                  <Contacts />
                </Member>
              )}
            </Route>
            <Route path="/police">
              {() => (
                <PoliceOrShared>
                  <Member>
                    <SharedWithPolice />
                  </Member>
                </PoliceOrShared>
              )}
            </Route>
            <Route path="/police/queue">
              {() => (
                <Staff role="spoc">
                  <PoliceQueue />
                </Staff>
              )}
            </Route>
            <Route path="/police/incidents/:id">
              {(params) => (
                <Staff role="spoc">
                  <PoliceIncident id={params.id} />
                </Staff>
              )}
            </Route>
            <Route path="/police/briefings">
              {() => (
                <Staff role="spoc">
                  <Briefings />
                </Staff>
              )}
            </Route>
            <Route path="/police/repeat-actors">
              {() => (
                <Staff role="spoc">
                  <SpocRepeatActors />
                </Staff>
              )}
            </Route>
            <Route path="/analyst">
              {() => (
                <Staff role="analyst">
                  <Statistics />
                </Staff>
              )}
            </Route>
            <Route path="/analyst/repeat-actors">
              {() => (
                <Staff role="analyst">
                  <AnalystRepeatActors />
                </Staff>
              )}
            </Route>
            <Route path="/admin">
              {() => (
                <Staff role="admin">
                  <Admin />
                </Staff>
              )}
            </Route>
            <Route path="/reference" component={Reference} />
            <Route path="/settings">
              {() => (
                <SignedIn>
                  <Settings />
                </SignedIn>
              )}
            </Route>
            <Route path="/canvass">
              {() => (
                <Member>
                  <Canvass />
                </Member>
              )}
            </Route>
            {/* The link in an alert: for contacts, who may have no account. */}
            <Route path="/canvass/acknowledge" component={CanvassAcknowledge} />
            <Route path="/canvass/:id">
              {(params) => (
                <Member>
                  <CanvassSession id={params.id} />
                </Member>
              )}
            </Route>
            <Route>
              <h1>Page not found</h1>
              <p>
                There is no page here. <Link href="/">Go to the home page</Link>.
              </p>
            </Route>
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
