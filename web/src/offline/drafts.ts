// The record form's draft, saved on the device as the person types, so nothing is lost if the
// page closes, the phone locks or the battery dies.
import type { AttachedFile, RecordFields } from "../components/record/fields.ts";
import { deviceDb } from "./db.ts";

const draftId = (userId: string, campaignId: string) => `record:${userId}:${campaignId}`;

export async function loadDraft(
  userId: string,
  campaignId: string,
): Promise<{ fields: RecordFields; files: AttachedFile[]; savedAt: string } | undefined> {
  const draft = await (await deviceDb()).get("drafts", draftId(userId, campaignId));
  if (!draft) return undefined;
  return {
    fields: draft.fields as unknown as RecordFields,
    files: draft.files as AttachedFile[],
    savedAt: draft.savedAt,
  };
}

export async function saveDraft(
  userId: string,
  campaignId: string,
  fields: RecordFields,
  files: AttachedFile[],
) {
  await (
    await deviceDb()
  ).put("drafts", {
    id: draftId(userId, campaignId),
    savedAt: new Date().toISOString(),
    fields: fields as unknown as Record<string, unknown>,
    files,
  });
}

export async function clearDraft(userId: string, campaignId: string) {
  await (await deviceDb()).delete("drafts", draftId(userId, campaignId));
}
