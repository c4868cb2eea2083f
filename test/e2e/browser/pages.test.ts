// Every page of the app in a real browser, signed out and signed in as a candidate with some data:
// no serious or critical accessibility problem (axe-core, WCAG 2.2 AA), no sideways scrolling at
// 320 px wide, and screenshots at phone and desktop sizes in test-results/screenshots/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { http } from "../../support/process.ts";
import {
  assertNoHorizontalScroll,
  bearerToken,
  checkAccessibility,
  DESKTOP,
  newContext,
  open,
  OWNER,
  PHONE,
  RED_FLAG_MESSAGE,
  screenshots,
  setUpCandidate,
  signedInPage,
  startedForSuite,
  watchPageErrors,
  type Shield,
} from "../../support/browser.ts";

interface PageCase {
  name: string;
  path: string | (() => string);
  /** What to wait for (or do) once the page's heading is there and nothing is loading. */
  ready?: (page: Page) => Promise<void>;
}

/** Accessibility at both sizes (the navigation differs), sideways scrolling at 320 px, then screenshots. */
async function checkPage(page: Page, shield: Shield, c: PageCase): Promise<void> {
  await page.setViewportSize(PHONE);
  await open(page, shield, typeof c.path === "string" ? c.path : c.path());
  await c.ready?.(page);
  await checkAccessibility(page, `${c.name} (phone)`);
  await page.setViewportSize(DESKTOP);
  await checkAccessibility(page, `${c.name} (desktop)`);
  await assertNoHorizontalScroll(page, c.name);
  await screenshots(page, c.name);
}

describe("every page", () => {
  const suite = startedForSuite();

  describe("signed out", () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    before(async () => {
      context = await newContext(suite.browser);
      page = await context.newPage();
      errors = watchPageErrors(page);
    });
    after(async () => {
      await context?.close();
    });

    const cases: PageCase[] = [
      { name: "home-signed-out", path: "/" },
      { name: "sign-in", path: "/sign-in", ready: (p) => p.getByLabel(/^email/i).waitFor() },
      { name: "reference-signed-out", path: "/reference" },
      { name: "danger", path: "/danger" },
      // Before the first account exists, with the set-up link's token: the set-up form.
      {
        name: "setup",
        path: () => `/setup#token=${suite.shield.setupToken}`,
        ready: (p) => p.getByLabel(/^campaign name/i).waitFor(),
      },
      { name: "setup-without-link", path: "/setup" },
      { name: "invite-without-link", path: "/invite" },
    ];
    for (const c of cases) test(c.name, { timeout: 90_000 }, () => checkPage(page, suite.shield, c));
    test("no uncaught errors in the pages", () => assert.deepEqual(errors, []));
  });

  describe("signed in as the candidate, with some data", () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    let campaignId: string;
    let redFlagId: string;
    let invitationLink: string;
    const REPEATED = "Another reply from @riverside_truth calling me a traitor";

    before(
      async () => {
        campaignId = await setUpCandidate(suite.shield);
        const token = await bearerToken(suite.shield, OWNER);
        const api = async (method: string, path: string, body?: unknown) => {
          const res = await http(suite.shield.baseUrl, method, path, { token, body });
          assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
          return res.body;
        };
        await api("PUT", `/api/campaigns/${campaignId}/private-details`, {
          name: OWNER.displayName,
          private: { homeAddress: "12 Acacia Avenue, Riverside RV1 2AB", family: ["Tom Okafor"] },
          public: { offices: ["Riverside Campaign Office, 3 High Street"] },
        });
        await api("PUT", `/api/campaigns/${campaignId}/police-contact`, {
          forceId: "west-yorkshire-police",
          name: "PC Jane Smith",
          phone: "01234 567890",
          email: "spoc@police.example",
        });
        const actor = await api("POST", `/api/campaigns/${campaignId}/actors`, {
          label: "@riverside_truth",
          identifiers: [{ kind: "handle", value: "@riverside_truth", platform: "x" }],
        });
        const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
        const incident = async (body: Record<string, unknown>, message?: string) => {
          const created = await api("POST", `/api/campaigns/${campaignId}/incidents`, body);
          if (message)
            await api("POST", `/api/incidents/${created.id}/evidence`, {
              kind: "text",
              text: message,
              source: "message-copy",
            });
          return created.id as string;
        };
        for (const [n, when] of [
          [1, 9],
          [2, 6],
          [3, 3],
        ] as const)
          await incident(
            {
              summary: n === 3 ? REPEATED : `Reply ${n} from @riverside_truth calling me a traitor`,
              occurredAt: day(when),
              channel: "social-media",
              platform: "x",
              actorIds: [actor.id],
            },
            "Traitor. Everyone round here knows what you are.",
          );
        await incident({
          summary: "Leaflets torn down and a poster defaced outside the office",
          occurredAt: day(2),
          channel: "office",
          answers: { propertyDamaged: "yes" },
        });
        redFlagId = await incident(
          { summary: "Threatening text message about my home", occurredAt: day(0), channel: "text-message" },
          RED_FLAG_MESSAGE,
        );
        // A team member who has joined (for the Team page), and an invitation still open (for /invite).
        const agent = await api("POST", `/api/campaigns/${campaignId}/invitations`, {
          email: "agent@example.org",
          permission: "full",
        });
        const joined = await http(suite.shield.baseUrl, "POST", "/api/invitations/accept", {
          body: {
            token: new URL(agent.link).hash.replace("#token=", ""),
            displayName: "Priya Shah",
            password: "polling day is coming",
          },
        });
        assert.equal(joined.status, 201, JSON.stringify(joined.body));
        const invited = await api("POST", `/api/campaigns/${campaignId}/invitations`, {
          email: "volunteer@example.org",
          permission: "log-only",
        });
        invitationLink = invited.link;

        ({ context, page, errors } = await signedInPage(suite.browser, suite.shield));
      },
      { timeout: 120_000 },
    );
    after(async () => {
      await context?.close();
    });

    const main = (p: Page) => p.getByRole("main");
    const cases: PageCase[] = [
      {
        name: "home",
        path: "/",
        ready: (p) =>
          main(p)
            .getByRole("link", { name: /record an incident/i })
            .waitFor(),
      },
      { name: "record", path: "/record", ready: (p) => p.getByLabel(/What happened, in one line/).waitFor() },
      { name: "incidents", path: "/incidents", ready: (p) => main(p).getByText(REPEATED).first().waitFor() },
      {
        name: "incident-detail",
        path: () => `/incidents/${redFlagId}`,
        ready: (p) =>
          main(p)
            .getByText(/call 999 now/i)
            .first()
            .waitFor(),
      },
      {
        name: "people",
        path: "/people",
        ready: (p) => main(p).getByText("@riverside_truth").first().waitFor(),
      },
      {
        name: "check",
        path: "/check",
        ready: async (p) => {
          await p.getByLabel(/Message to check/).fill(RED_FLAG_MESSAGE);
          await p.getByRole("button", { name: /^check$/i }).click();
          await main(p)
            .getByText(/call 999 now/i)
            .first()
            .waitFor();
        },
      },
      { name: "private-details", path: "/private-details" },
      { name: "health-check", path: "/health-check" },
      { name: "team", path: "/team", ready: (p) => main(p).getByText("Priya Shah").first().waitFor() },
      {
        name: "contacts",
        path: "/contacts",
        ready: (p) =>
          main(p)
            .getByText(/PC Jane Smith/)
            .first()
            .waitFor(),
      },
      { name: "reference", path: "/reference" },
      { name: "settings", path: "/settings" },
      { name: "canvass", path: "/canvass" },
      { name: "not-found", path: "/no-such-page" },
    ];
    for (const c of cases) test(c.name, { timeout: 90_000 }, () => checkPage(page, suite.shield, c));

    test("invite (signed out, with a team invitation)", { timeout: 90_000 }, async () => {
      const signedOut = await newContext(suite.browser);
      try {
        const p = await signedOut.newPage();
        const pageErrors = watchPageErrors(p);
        await checkPage(p, suite.shield, {
          name: "invite",
          path: new URL(invitationLink).pathname + new URL(invitationLink).hash,
          ready: (q) => q.getByLabel(/^your name/i).waitFor(),
        });
        assert.deepEqual(pageErrors, []);
      } finally {
        await signedOut.close();
      }
    });
    test("no uncaught errors in the pages", () => assert.deepEqual(errors, []));
  });
});
