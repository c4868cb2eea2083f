// The app shell: 999 first, then the navigation, then the page. Pages other than the first ones a
// person sees are loaded on demand, so the first page stays small on a slow phone connection.
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { Link, Redirect, Route, Switch, useLocation } from "wouter";
import { DangerLink } from "./components/DangerLink.tsx";
import { OfflineBanner } from "./offline/OfflineBanner.tsx";
import { useSession } from "./session.tsx";
import { Home } from "./pages/Home.tsx";
import { SignIn } from "./pages/SignIn.tsx";
import { Danger } from "./pages/Danger.tsx";

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

interface NavItem {
  href: string;
  label: string;
  /** Only for members who see the whole campaign (not "log only"). */
  fullOnly?: boolean;
  ownerOnly?: boolean;
}

export const NAV: readonly NavItem[] = [
  { href: "/", label: "Home" },
  { href: "/record", label: "Record an incident" },
  { href: "/incidents", label: "Incidents" },
  { href: "/people", label: "People and patterns", fullOnly: true },
  { href: "/check", label: "Check a message" },
  { href: "/private-details", label: "Private details", fullOnly: true },
  { href: "/health-check", label: "Online health check" },
  { href: "/team", label: "Team", fullOnly: true },
  { href: "/contacts", label: "Police contact" },
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
  const items = NAV.filter(
    (item) =>
      (campaign || everyone.has(item.href)) &&
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
        Your account is not part of a campaign team, so there is nothing to show here. The screens for police
        and analyst accounts are on their way.
      </p>
    );
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
