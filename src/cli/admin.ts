import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { POLICE_FORCES } from "../core/forces.ts";
import * as t from "../store/schema.ts";
import { inviteStaff, listStaff, setSuspended } from "../server/commands/accounts.ts";
import { openRuntime } from "../server/runtime.ts";
import type { Config } from "../server/config.ts";
import { UsageError } from "./errors.ts";

const ADMIN_HELP = `shield admin <invite|staff|suspend|forces>

  shield admin invite --role spoc --email officer@force.police.uk --force west-yorkshire-police
  shield admin invite --role admin --email ops@example.org
  shield admin staff
  shield admin suspend --email officer@force.police.uk [--reinstate]
  shield admin forces`;

const SYSTEM = {
  id: "00000000-0000-0000-0000-000000000000",
  role: "admin" as const,
  forceId: null,
  memberships: new Map(),
};

export async function runAdmin(config: Config, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      role: { type: "string" },
      email: { type: "string" },
      force: { type: "string" },
      reinstate: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (!sub || sub === "--help" || values.help) {
    console.log(ADMIN_HELP);
    return sub ? 0 : 2;
  }
  if (sub === "forces") {
    for (const f of POLICE_FORCES) console.log(`${f.id.padEnd(36)} ${f.name}`);
    return 0;
  }
  if (!["invite", "staff", "suspend"].includes(sub))
    throw new UsageError(`Unknown admin command '${sub}'.\n${ADMIN_HELP}`);
  if (sub === "invite") {
    if (!values.role || !["spoc", "analyst", "admin"].includes(values.role))
      throw new UsageError("--role must be spoc, analyst or admin");
    if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
      throw new UsageError("--email must be an email address");
    if (values.role !== "admin" && !POLICE_FORCES.some((f) => f.id === values.force)) {
      throw new UsageError("--force must be a police force id (see 'shield admin forces')");
    }
  }
  if (sub === "suspend" && !values.email) throw new UsageError("--email is required");

  const runtime = await openRuntime(config);
  try {
    const deps = runtime.deps;
    if (sub === "invite") {
      const invitation = await inviteStaff(deps, null, {
        email: values.email!,
        role: values.role as "spoc" | "analyst" | "admin",
        forceId: values.force,
      });
      console.log(
        `Send this one-time link to ${values.email} (it expires ${invitation.expiresAt.toISOString()}):\n\n  ${invitation.link}\n`,
      );
    } else if (sub === "staff") {
      for (const s of await listStaff(deps)) {
        console.log(
          `${s.role.padEnd(8)} ${s.email.padEnd(40)} ${(s.forceId ?? "").padEnd(30)} ${s.suspended ? "suspended" : ""}`,
        );
      }
    } else {
      const [user] = await deps.db
        .select()
        .from(t.users)
        .where(eq(t.users.email, values.email!.trim().toLowerCase()));
      if (!user) throw new UsageError(`No account for ${values.email}`);
      await setSuspended(deps, SYSTEM, user.id, !values.reinstate);
      console.log(
        `${values.email} ${values.reinstate ? "reinstated" : "suspended and signed out everywhere"}.`,
      );
    }
    return 0;
  } finally {
    await runtime.close();
  }
}
