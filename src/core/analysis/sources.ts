// Where each rule comes from. Every reason the analyser gives cites one of these.

const GUIDANCE =
  "Joint Guidance for Candidates in Elections – When it goes too far (NPCC, College of Policing, Electoral Commission, May 2024)";

export const SOURCES = {
  imminent: `${GUIDANCE}, red flags (dial 999): "Threat of imminent violence."`,
  fixation: `${GUIDANCE}, red flags (dial 999): "Fixated ideas – if someone seems set on a certain course of action or is making a very specific type of threat or reference to a plan."`,
  weapon: `${GUIDANCE}, red flags (dial 999): "If you become aware that the individual has access to weapons or has weapons skills."`,
  privateInfo: `${GUIDANCE}, red flags (dial 999): "If the person releases personal information about you not already in the public domain."`,
  threatening: `${GUIDANCE}, When should I contact the police?: "Communications, on or offline, which contain abusive or threatening language."`,
  discriminatory: `${GUIDANCE}, When should I contact the police?: "Racial, homophobic or other discriminatory abuse or threats."`,
  repeatedContact: `${GUIDANCE}, When should I contact the police?: "Repeated unwanted contact may constitute harassment or stalking."`,
  assault: `${GUIDANCE}, What might happen: "In some cases, these behaviours and actions have reached the criminal threshold. The worst examples have led to violence and injury." Protective steps: "report it to the police using 999 if the threat or danger is immediate and 101 to report suspicious activity that has already occurred."`,
  selfHarm:
    "CPS guide, Responding to intimidating behaviour in elections and public office: communications offences; Online Safety Act 2023 s184 (encouraging or assisting serious self-harm)",
  sexual:
    "Online Safety Act 2023 s181 (threatening communications: threats of rape or assault by penetration)",
  abuse: `${GUIDANCE}, protective steps: "Use 'Report Abuse' tools on social media platforms. Block/report trolls."`,
  profanity: "Shield: swearing is recorded but, not aimed at anyone, does not raise the level",
  freedomOfExpression:
    "LGA #DebateNotHate: EHRC guidance on freedom of expression in elections (robust political criticism is protected)",
  model: "Shield's trained abuse model (MODEL.md): hashed word and character n-grams, logistic regression",
} as const;
