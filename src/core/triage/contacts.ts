// Whom to contact, with the number or address the guidance gives. The force's SPOC comes from
// what the campaign stored; the rest are national.
import { GUIDANCE_SOURCES } from "./sources.ts";

export interface Contact {
  id: "999" | "101" | "spoc" | "victim-support" | "suzy-lamplugh-trust" | "get-safe-online" | "platform";
  name: string;
  /** A number to dial, written as people say it; the app turns it into a tap-to-call link. */
  phone?: string;
  email?: string;
  url?: string;
  /** When to use it, in plain English. */
  when: string;
  source: string;
}

/** The force's single point of contact as the campaign stored it (all optional). */
export interface SpocDetails {
  name?: string;
  phone?: string;
  email?: string;
  forceName?: string;
}

export const EMERGENCY: Contact = {
  id: "999",
  name: "Police emergency",
  phone: "999",
  when: "Call now if you or anyone else is in danger, or the person is still nearby.",
  source: GUIDANCE_SOURCES.immediateDanger,
};

export const NON_EMERGENCY: Contact = {
  id: "101",
  name: "Police non-emergency",
  phone: "101",
  when: "To report something that has already happened, when no one is in danger now.",
  source: GUIDANCE_SOURCES.hustings,
};

export const VICTIM_SUPPORT: Contact = {
  id: "victim-support",
  name: "Victim Support",
  phone: "08 08 16 89 111",
  url: "https://www.victimsupport.org.uk",
  when: "Free, confidential support for you or anyone affected, whether or not you report it.",
  source: GUIDANCE_SOURCES.keyLinks,
};

export const SUZY_LAMPLUGH: Contact = {
  id: "suzy-lamplugh-trust",
  name: "Suzy Lamplugh Trust",
  url: "https://www.suzylamplugh.org",
  when: "Advice on personal safety, and on stalking and harassment.",
  source: GUIDANCE_SOURCES.keyLinks,
};

export const GET_SAFE_ONLINE: Contact = {
  id: "get-safe-online",
  name: "Get Safe Online",
  url: "https://www.getsafeonline.org",
  when: "Advice on staying safe online and keeping your personal information private.",
  source: GUIDANCE_SOURCES.keyLinks,
};

export function spocContact(spoc: SpocDetails | undefined): Contact {
  const force = spoc?.forceName ? ` at ${spoc.forceName}` : "";
  const who = spoc?.name
    ? `${spoc.name}, your single point of contact${force}`
    : `Your force's single point of contact${force}`;
  const contact: Contact = {
    id: "spoc",
    name: who,
    when:
      spoc?.phone || spoc?.email
        ? "For crime or security concerns as a candidate, and to ask for a personal safety briefing."
        : "Your candidate letter gives their details; add them under Contacts so they show here. Until then, call 101.",
    source: GUIDANCE_SOURCES.spoc,
  };
  if (spoc?.phone) contact.phone = spoc.phone;
  if (spoc?.email) contact.email = spoc.email;
  return contact;
}
