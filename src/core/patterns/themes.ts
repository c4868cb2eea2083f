// The content words of an incident's text, so the pattern engine can see one grievance repeated
// ("bypass", "asylum", "hotel", "parking", "school") without keeping the text itself.
import { ABUSIVE_ADJECTIVES, INSULTS, PROFANITY } from "../analysis/lexicon.ts";

export const MAX_THEMES = 40;
const MIN_LETTERS = 4;

// Function words, pronouns, everyday verbs and fillers, plus words every message to a candidate uses
// ("vote", "election", "candidate"): none of them says what a grievance is about.
const FUNCTION_WORDS = `
about above across actually after again against almost along already also although always among amongst
another anybody anyone anything anyway anywhere around aren away back because been before behind being
below beside besides best better between beyond both cannot cant could couldn couldnt didn didnt does doesn
doesnt doing done dont down during each either else enough even ever every everybody everyone everything
everywhere except fine first from further gets getting give given gives giving goes going gone gonna good
gotta gotten great hadn hadnt hasn hasnt have haven havent having hello hence here hers herself himself
however into isnt itself just keep keeps kept know knew known knows last least less like likes liked made
make makes making many maybe mean means meant might mine more most much must mustn myself near need needs
needed neither never next none nope nothing okay once ones only onto other others otherwise ours ourselves
over perhaps please quite rather really said same says seem seems seen shall shan shant should shouldn
shouldnt since some somebody someone something sometimes somewhere soon still such sure take takes taken
taking tell tells than thank thanks that thats their theirs them themselves then there theres these they
theyre theyve thing things think thinks thought this those though through thus till told took toward towards
under unless until upon very want wants wanted wanna wasn wasnt well went were weren werent what whatever
whats when whenever where wherever whether which while whilst whom whose will with within without wont
would wouldn wouldnt yeah yours yourself yourselves youre youve youll youd shes hes ive ill weve were
came come comes coming look looks looking looked lets call called calls says saying tried tries trying
put puts seeing sees used uses using work works yesterday today tonight tomorrow week weeks year years
time times lot lots every ago also again dear regards sincerely cheers mate mates people person guys
vote votes voted voting voter voters election elections elect elected campaign campaigns campaigning
candidate candidates party parties politician politicians political politics leaflet leaflets
`;

const STOPWORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS.split(/\s+/).filter(Boolean),
  ...PROFANITY.filter((w) => !w.includes(" ")),
  // An insult repeated ("liar", "traitor") is abuse, already counted as such, not a subject of grievance.
  ...INSULTS.filter((w) => !w.includes(" ")),
  ...ABUSIVE_ADJECTIVES.filter((w) => !w.includes(" ")),
]);

/** "councils" → "council", "policies" → "policy", "buses" → "buse": crude, but the same word always folds the same way. */
export function foldPlural(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (/(?:ches|shes|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-case letters only: accents folded, apostrophes dropped ("don't" → "dont"), everything else a break. */
function wordsOf(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/**
 * Distinct content words of a text, folded to the singular, sorted. When there are more than
 * MAX_THEMES, the most frequent are kept (ties: first seen), so a long letter keeps its main subjects.
 */
export function themesOf(text: string): string[] {
  const counts = new Map<string, number>();
  for (const raw of wordsOf(text)) {
    if (raw.length < MIN_LETTERS || STOPWORDS.has(raw)) continue;
    const word = foldPlural(raw);
    if (word.length < MIN_LETTERS || STOPWORDS.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  let words = [...counts.keys()];
  if (words.length > MAX_THEMES) {
    const firstSeen = new Map(words.map((w, i) => [w, i]));
    words = words
      .sort((a, b) => counts.get(b)! - counts.get(a)! || firstSeen.get(a)! - firstSeen.get(b)!)
      .slice(0, MAX_THEMES);
  }
  return words.sort();
}
