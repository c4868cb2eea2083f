// Normalising an actor's identifiers so that the same person is recognised however it was typed:
// "@Troll_99" and "troll_99", "07700 900123" and "+44 7700 900123", "yk21 xrt" and "YK21XRT".
import type { ActorIdentifierKind } from "./model.ts";

export function normaliseIdentifier(kind: ActorIdentifierKind, value: string): string {
  const v = value.normalize("NFKC").trim();
  switch (kind) {
    case "email":
      return v.toLowerCase();
    case "phone": {
      let digits = v.replace(/[^\d+]/g, "");
      if (digits.startsWith("+")) digits = digits.slice(1);
      else if (digits.startsWith("00")) digits = digits.slice(2);
      else if (digits.startsWith("0")) digits = `44${digits.slice(1)}`;
      return digits.startsWith("440") ? `44${digits.slice(3)}` : digits;
    }
    case "handle":
      return v.replace(/^@+/, "").toLowerCase();
    case "profile-url":
      return v
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/^(www\.|m\.|mobile\.)/, "")
        .replace(/[?#].*$/, "")
        .replace(/\/+$/, "");
    case "vehicle":
      return v.toUpperCase().replace(/[^A-Z0-9]/g, "");
    case "name":
    case "other":
      return v.toLowerCase().replace(/\s+/g, " ");
  }
}
