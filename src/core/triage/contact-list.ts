// Which contacts a verdict shows, in the order to use them: 999 first when it is urgent, the
// force's single point of contact and 101 for reporting, then support and advice.
import type { Level } from "../analysis/types.ts";
import {
  EMERGENCY,
  GET_SAFE_ONLINE,
  NON_EMERGENCY,
  SUZY_LAMPLUGH,
  VICTIM_SUPPORT,
  spocContact,
  type Contact,
  type SpocDetails,
} from "./contacts.ts";
import type { TriageFacts } from "./facts.ts";

export function contactsFor(facts: TriageFacts, level: Level, spoc: SpocDetails | undefined): Contact[] {
  const police =
    level === "call-999"
      ? [EMERGENCY, spocContact(spoc), NON_EMERGENCY]
      : level === "report-to-police"
        ? [spocContact(spoc), NON_EMERGENCY, EMERGENCY]
        : [NON_EMERGENCY, EMERGENCY];
  const support = [VICTIM_SUPPORT];
  if (facts.courseOfConduct || facts.stalking || facts.fixation || facts.cameToHome || facts.inPerson)
    support.push(SUZY_LAMPLUGH);
  if (facts.electronic || facts.revealedPrivateDetails) support.push(GET_SAFE_ONLINE);
  return [...police, ...support];
}
