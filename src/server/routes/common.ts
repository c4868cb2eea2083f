import { z } from "zod";
import type { FastifyRequest } from "fastify";
import { requireUser } from "../auth.ts";
import { can, type PolicyActions, type Principal } from "../policies/index.ts";
import { forbidden, notFound } from "../errors.ts";

export const Password = z.string().min(12, "must be at least 12 characters").max(256);
export const Email = z.email().max(320);
export const DisplayName = z.string().trim().min(1).max(120);
export const IdParams = z.object({ id: z.uuid() });

/** The signed-in user, allowed this action on this campaign (a campaign they cannot see is "not found"). */
export function userForCampaign(
  request: FastifyRequest,
  campaignId: string,
  action: PolicyActions["campaign"],
): Principal {
  const { principal } = requireUser(request);
  if (!can(principal, action, "campaign", { id: campaignId })) {
    if (can(principal, "read", "campaign", { id: campaignId })) {
      throw forbiddenFor(action);
    }
    throw notFound("campaign");
  }
  return principal;
}

const forbiddenFor = (action: string) =>
  forbidden(action === "manage-team" ? "Only the candidate can manage the team." : undefined);

const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  dateStyle: "medium",
  timeStyle: "short",
});

/** Times are stored in UTC and shown to people in UK time. */
export const inLondon = (d: Date) => LONDON.format(d);
