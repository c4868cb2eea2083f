// Demo campaign generator: a realistic, entirely fictional six-week campaign for `npm run demo`.
// Pure and deterministic — no I/O, no clock, no Math.random. The same `now` and `seed` always
// give deep-equal output (including the bytes of the generated PNG and WAV evidence files).
import { ACTORS, AGENT, CANDIDATE, CONSTITUENCY, FORCE_ID, VOLUNTEER } from "./cast.ts";
import { iso, MINUTE, SceneContext, Timeline } from "./context.ts";
import { createRng } from "./prng.ts";
import { buildOneOff, ONE_OFF_RECORD_DELAY, ONE_OFFS, SCENES, type SceneOutput } from "./scenes.ts";
import type { DemoCampaign, DemoIncident } from "./types.ts";

export type {
  DemoCampaign,
  DemoEvidence,
  DemoIncident,
  DemoIncidentBody,
  DemoMember,
  DemoPerson,
} from "./types.ts";

export { WINDOW_DAYS as DEMO_WINDOW_DAYS } from "./context.ts";

export const DEFAULT_DEMO_SEED = 2026;

export function buildDemoCampaign(options: { now: Date; seed?: number }): DemoCampaign {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const timeline = new Timeline(options.now);
  const root = createRng(seed);
  const incidents: DemoIncident[] = [];

  const add = (
    recordedBy: string,
    t: number,
    recordAfter: [number, number],
    label: string,
    build: (c: SceneContext) => SceneOutput,
  ) => {
    const rng = root.fork(label);
    const ctx = new SceneContext(timeline, t, rng);
    const out = build(ctx);
    const recordedAt = timeline.clamp(t + rng.int(recordAfter[0], recordAfter[1]) * MINUTE);
    const incident: DemoIncident = {
      recordedBy,
      recordedAt: iso(Math.max(t, recordedAt)),
      body: { ...out.body, occurredAt: iso(t) },
      evidence: out.evidence ?? [],
      followUps: out.followUps ?? [],
    };
    if (out.amendment) incident.amendment = out.amendment;
    incidents.push(incident);
  };

  for (const scene of SCENES) {
    const jitter = root.fork(`time:${scene.id}`);
    const minute = scene.minute ?? jitter.int(0, 59);
    add(scene.by, timeline.at(scene.day, scene.hour, minute), scene.recordAfter, `scene:${scene.id}`, (c) =>
      scene.build(c),
    );
  }

  // A seeded selection of one-off posts from strangers, spread over the six weeks,
  // a little denser towards polling day (as abuse is "spiky" around events).
  const pick = root.fork("one-offs");
  const count = pick.int(12, 17);
  pick
    .shuffle(ONE_OFFS)
    .slice(0, count)
    .forEach((post, i) => {
      const day = Math.min(40, Math.floor(Math.sqrt(pick.next()) * 41));
      const t = timeline.at(day, pick.int(7, 23), pick.int(0, 59));
      const by = post.targeted?.includes("staff")
        ? "agent"
        : post.targeted?.includes("volunteer")
          ? "volunteer"
          : "candidate";
      add(by, t, ONE_OFF_RECORD_DELAY, `one-off:${i}:${post.summary}`, (c) => buildOneOff(c, post));
    });

  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  incidents.sort((a, b) => cmp(a.body.occurredAt, b.body.occurredAt) || cmp(a.body.summary, b.body.summary));

  return {
    candidate: { ...CANDIDATE },
    members: [{ ...AGENT }, { ...VOLUNTEER }],
    campaign: {
      name: `Rachel Adeyemi for ${CONSTITUENCY}`,
      jurisdiction: "england-wales",
      forceId: FORCE_ID,
    },
    actors: ACTORS.map((a) => structuredClone(a)),
    incidents,
  };
}
