// The online health check: where a candidate's personal details tend to leak, and what to do about each.
// Guidance: "Conduct an online health check - review online information and minimise availability of
// personal information." Every item cites that line, and any public source it also relies on. Where a
// rule differs between England and Wales, Scotland and Northern Ireland, or may have changed, the item
// says who to check with rather than stating the detail.
import { GUIDANCE_SOURCES } from "../triage/sources.ts";

export interface HealthCheckItem {
  /** Stable kebab-case id: progress is stored against it, so never rename one. */
  readonly id: string;
  /** A short instruction, e.g. "Take yourself off the open register". */
  readonly title: string;
  /** One or two calm sentences: why this matters. */
  readonly why: string;
  /** Concrete steps in plain English, in the order to do them. */
  readonly how: readonly string[];
  /** The guidance line first, then any public source the item also relies on. */
  readonly source: readonly string[];
}

export interface HealthCheckSection {
  /** Stable kebab-case id. */
  readonly id: string;
  readonly title: string;
  /** One sentence on what this part of the check covers. */
  readonly intro: string;
  readonly items: readonly HealthCheckItem[];
}

/** The guidance line every item implements. */
export const HEALTH_CHECK_GUIDANCE = GUIDANCE_SOURCES.onlineHealthCheck;

const GOV_UK_REGISTER = "gov.uk: The electoral register and the 'open register'";
const EC_ANONYMOUS = "Electoral Commission guidance on anonymous registration";
const EC_CANDIDATES = "Electoral Commission guidance for candidates and agents";
const EC_IMPRINTS = "Electoral Commission guidance on imprints";
const COMPANIES_HOUSE = "Companies House guidance on the public register and protecting your information";
const ICO_ERASURE = "Information Commissioner's Office (ICO): your right to get your data deleted";
const ICO_FEE_REGISTER =
  "Information Commissioner's Office (ICO): the register of data protection fee payers";
const CYBER_AWARE = "National Cyber Security Centre (NCSC), Cyber Aware: turn on 2-step verification";
const LOCALISM_ACT = "Localism Act 2011, section 32 (sensitive interests, England)";

const item = (
  id: string,
  title: string,
  why: string,
  how: readonly string[],
  extra: readonly string[] = [],
): HealthCheckItem => ({ id, title, why, how, source: [HEALTH_CHECK_GUIDANCE, ...extra] });

export const HEALTH_CHECK: readonly HealthCheckSection[] = [
  {
    id: "electoral-register",
    title: "The electoral register",
    intro: "The register of voters lists names and addresses. One version of it can be bought by anyone.",
    items: [
      item(
        "open-register-opt-out",
        "Take yourself off the open register",
        "The open register (also called the edited register) can be bought by any person or company, and some people-search sites are built from it. Everyone is on it unless they ask to come off.",
        [
          "Contact your local electoral registration office (at your council; in Northern Ireland, the Electoral Office for Northern Ireland) and ask to be removed from the open register.",
          "Ask for everyone in your household who is registered: each person is listed separately.",
          "This does not take you off the full register, which is used for elections and which the law allows political parties, candidates and some others, such as credit reference agencies, to have.",
        ],
        [GOV_UK_REGISTER],
      ),
      item(
        "anonymous-registration",
        "Ask about anonymous registration if your safety is at risk",
        "If your safety, or the safety of someone in your household, would be at risk if your name and address were on the register, you can ask to register anonymously. You can still vote.",
        [
          "Ask your electoral registration office for the anonymous registration form.",
          "You will need supporting evidence, such as a court order or a letter from a senior police officer. Ask the office what it accepts, and your force's single point of contact for candidates whether they can help.",
          "Check with your returning officer how anonymous registration affects your own nomination papers before you hand them in.",
        ],
        [EC_ANONYMOUS],
      ),
    ],
  },
  {
    id: "election-paperwork",
    title: "Nomination and election paperwork",
    intro: "Some of what you hand in as a candidate is published, or can be inspected by the public.",
    items: [
      item(
        "ballot-paper-address",
        "Keep your home address off the ballot paper",
        "In most elections you can ask for your home address not to be published on the ballot paper and the statement of persons nominated; the area you live in is shown instead.",
        [
          "Before you hand in your nomination papers, ask your returning officer how to ask for your address not to be published in this election. The form and the exact wording differ between types of election and between England, Wales, Scotland and Northern Ireland.",
          "Ask who else can see the address you give on your nomination papers.",
          "If your address has already been published, ask your returning officer what can be done, and tell your force's single point of contact for candidates.",
        ],
        [EC_CANDIDATES],
      ),
      item(
        "agent-and-spending-addresses",
        "Keep your home address off agent notices and spending paperwork",
        "The returning officer publishes each election agent's name and office address, and candidates' spending returns, with their invoices and receipts, can be inspected by the public after the election.",
        [
          "If you are your own agent, ask your returning officer which address will be published, and use an office address if you can.",
          "Ask suppliers (printers, venues, advertisers) to address invoices to your agent's or your party's office, not to your home.",
          "Read the Electoral Commission's guidance for candidates and agents on what the returns must contain.",
        ],
        [EC_CANDIDATES],
      ),
      item(
        "register-of-interests",
        "If you are already a councillor, check your register of interests",
        "Councils publish their members' registers of interests, which can include where you live or land you own. You may be able to keep sensitive details out of the published version.",
        [
          "Look at your entry on the council's website as a stranger would.",
          "If it shows your home or anything that could lead someone to it, ask your council's monitoring officer whether it can be withheld because of the risk of violence or intimidation. In England this is called a sensitive interest; check the rules that apply where you are.",
        ],
        [LOCALISM_ACT],
      ),
    ],
  },
  {
    id: "public-records",
    title: "Companies, charities and council records",
    intro: "Company filings, charity listings and council records are public and easy to search.",
    items: [
      item(
        "companies-house",
        "Check your entries at Companies House",
        "If you are, or have been, a company director or a person with significant control, your service address is public, and older filings may show a home address.",
        [
          "Search your name on the Companies House register and open every company listed, including dissolved ones.",
          "If a service address or a company's registered office is your home, change it to another suitable address; Companies House guidance explains what counts.",
          "If older documents show your home address, read Companies House's guidance on removing or protecting it. There are extra protections for people at serious risk of violence or intimidation.",
        ],
        [COMPANIES_HOUSE],
      ),
      item(
        "charities-and-groups",
        "Check charities, clubs and groups you help run",
        "A charity, residents' association, sports club or school group may list you as its contact, sometimes with your home address or personal phone.",
        [
          "Search for the groups you help run and look at their websites, social media pages and entries on the charity register.",
          "Ask for your home address, personal phone and personal email to be replaced with the group's own contact details.",
        ],
      ),
      item(
        "council-records",
        "Check planning applications and other council records",
        "Planning applications, licences and some council notices are published online with names and addresses.",
        [
          "Search your council's planning portal for your name and your home address.",
          "If your details appear, ask the council's planning or information team whether personal details can be removed from the online copy.",
        ],
      ),
    ],
  },
  {
    id: "people-search",
    title: "People-search sites and directories",
    intro: "Some websites gather names, addresses, phone numbers and relatives into one listing.",
    items: [
      item(
        "search-yourself",
        "Search for yourself as a stranger would",
        "The quickest way to see what others can find is to look. Write down everything personal you find, so you can deal with it and add it to your private details.",
        [
          "Use a private or incognito browser window, so your own accounts do not change the results.",
          "Search your name with your town, your postcode, your street, your phone numbers and your personal email addresses.",
          "Search for your partner's and children's names with your surname and town.",
          "Look at image results too, and at your party's and council's websites and local news stories.",
        ],
      ),
      item(
        "people-search-removal",
        "Ask people-search and directory sites to remove you",
        "Listings built from older copies of the open register or other sources can stay up until you ask. Under UK data protection law you can ask an organisation to delete personal data it holds about you, though the right is not absolute.",
        [
          "Take yourself off the open register first, so new copies do not list you again.",
          "On each site that lists you, look for a link about privacy, removal or opting out, and follow it.",
          "If there is no such link, email the site asking it to delete your personal data. Keep a note of who you asked and when.",
          "If a site refuses or does not reply within a month, you can complain to the ICO.",
          "Search engines have their own forms for asking them to drop results that show a home address or phone number: search for the search engine's help page on removing personal information. The page itself stays online unless the site removes it.",
        ],
        [ICO_ERASURE],
      ),
      item(
        "ex-directory",
        "Make your landline ex-directory",
        "A landline number listed in the phone book or directory enquiries can be linked to your name and address.",
        ["Ask your landline provider to make your number ex-directory, and ask whether there is any charge."],
      ),
    ],
  },
  {
    id: "your-social-media",
    title: "Your social media and your campaign's",
    intro: "What you post, and what others post about you, can show where you live and where you go.",
    items: [
      item(
        "separate-accounts",
        "Keep your campaign and personal accounts separate",
        "A campaign account can be public while your personal account stays private, so people who want to contact you as a candidate do not need your personal profile.",
        [
          "Use a campaign page or account, and a campaign email and phone number, for everything to do with the election.",
          "On the campaign page, list only your office address, office phone and campaign email.",
          "Check who has admin access to the campaign page, and remove anyone who no longer needs it.",
        ],
      ),
      item(
        "personal-privacy-settings",
        "Decide who can see your personal accounts",
        "Public profiles, friends lists and contact details are how people piece together where you live and who your family are.",
        [
          "Set your personal accounts so only people you know can see your posts, photos and friends list.",
          "On Facebook, look for 'Limit past posts' to make older posts visible to friends only. On X, look for 'Protect your posts'. On Instagram, make the account private.",
          "Stop people finding your account from your phone number or email address, and hide them on your profile.",
          "Setting names change; if you cannot find one, search the app's help pages for it.",
        ],
      ),
      item(
        "tag-review",
        "Review tags before they appear on your profile",
        "Other people's posts and photos can show where you are, or have been, when they tag you.",
        [
          "On Facebook, turn on the setting to review posts you are tagged in before they appear on your profile. On Instagram, turn on manual approval of tags.",
          "Limit who can tag or mention you to people you follow, or to no one.",
        ],
      ),
      item(
        "old-posts",
        "Go through old posts and photos",
        "Older posts often show a house, a street, a car or a school uniform, from before you thought about safety.",
        [
          "Scroll back through your posts, photos and profile pictures on each account.",
          "Delete, archive or make private anything showing your home, your street, your car's registration, your children's school or your regular routine.",
          "Check old accounts you no longer use, and delete them if you do not need them.",
        ],
      ),
      item(
        "account-security",
        "Protect your accounts with 2-step verification",
        "If someone gets into your email or social media, they can see everything private in it. 2-step verification makes that much harder.",
        [
          "Turn on 2-step verification on your email first, then on each social media account.",
          "Use a different, strong password for your email (three random words works well).",
          "Do the same for the campaign's accounts, and make sure more than one trusted person can get into them.",
        ],
        [CYBER_AWARE],
      ),
    ],
  },
  {
    id: "family-accounts",
    title: "Your family's accounts",
    intro: "Abuse can be aimed at family too, and their posts can give away what yours do not.",
    items: [
      item(
        "family-privacy",
        "Talk to your family about what they share",
        "A partner's or child's public post can show your home, your car, or where the children go to school.",
        [
          "Talk calmly with your partner, children (in a way that suits their age) and close relatives about the campaign and why it matters.",
          "Help them set their accounts to private and go through their old posts, using the steps above.",
          "Ask them not to tag you or post where you are while you are there.",
        ],
      ),
      item(
        "school-and-club-photos",
        "Ask schools and clubs about photos of your children",
        "Schools, nurseries and clubs often post photos and names of children online, which can show where your children are.",
        [
          "Tell your children's school, nursery and clubs that you are standing for election, and ask them not to publish your children's names or photos online.",
          "Check their websites and social media pages for existing posts, and ask for any to be taken down.",
        ],
      ),
    ],
  },
  {
    id: "photos-and-location",
    title: "Photos, location and apps",
    intro: "Phones can record where a photo was taken and share where you are, often without you noticing.",
    items: [
      item(
        "photo-location",
        "Turn off location in your phone's camera",
        "Photos can store the exact place they were taken in the file itself. Many large platforms remove this when you upload, but photos sent as files, by email or posted on a website may keep it.",
        [
          "On an iPhone: Settings, then Privacy & Security, then Location Services, then Camera, and choose Never.",
          "On Android: open the camera app's settings and turn off location tags (the name varies between phones).",
          "Before sending a photo taken at home, check its details for a location and remove it.",
        ],
      ),
      item(
        "photo-backgrounds",
        "Check what is in the background",
        "A house number, a street sign, a car's number plate, a school uniform or a view from a window can show where you live.",
        [
          "Look at the whole photo, not just the people in it, before you or your team post it.",
          "Crop or blur anything that shows where you live or where your family go.",
          "Take campaign photos away from your home.",
        ],
      ),
      item(
        "check-ins",
        "Post about where you are after you have left",
        "Check-ins and live posts tell people where you are right now, and regular ones show your routine.",
        [
          "Post about visits, canvassing and events after you have left, unless the event is already public.",
          "Avoid posting the same place at the same time each week.",
          "Ask your team and family to do the same.",
        ],
      ),
      item(
        "fitness-apps",
        "Hide the start and end of your routes in fitness apps",
        "Running, cycling and walking apps can publish maps of routes that start and end at your front door.",
        [
          "Make your activities visible only to people you approve.",
          "Use the app's setting that hides the start and end of routes near your home (Strava, for example, lets you hide start and end points).",
          "Check older activities too, and make them private.",
        ],
      ),
      item(
        "location-sharing",
        "Review who can see your live location",
        "Live location sharing in maps, messaging and family apps can be left on long after it was needed.",
        [
          "Check who you share your location with in Find My (iPhone), Google Maps, WhatsApp and any family safety app, and stop sharing with anyone who does not need it.",
          "On Snapchat, turn on Ghost Mode so you do not appear on the Snap Map.",
          "Check your family's phones with them too.",
        ],
      ),
    ],
  },
  {
    id: "websites",
    title: "Websites and domain names",
    intro: "Registration records and website pages can carry the details of whoever set them up.",
    items: [
      item(
        "domain-registration",
        "Check your website's domain registration record",
        "Whoever registers a web address gives a name, postal address and phone number, and some records still show them publicly.",
        [
          "Look up your campaign's and any personal web addresses on a WHOIS or RDAP look-up service (for addresses ending in .uk, Nominet's).",
          "If your name, home address or personal phone appears, turn on your registrar's privacy or redaction option, or change the contact details to the campaign's.",
        ],
      ),
      item(
        "website-contact-details",
        "Check your website's contact and privacy pages",
        "Contact pages, privacy notices and documents you upload can show a home address or personal phone.",
        [
          "Read your campaign website's contact page, privacy notice and footer as a stranger would.",
          "Use your office address, campaign email and campaign phone throughout.",
          "Check documents you have uploaded (leaflets, reports, letters) for personal details, including the author details inside the file.",
        ],
      ),
      item(
        "ico-fee-register",
        "Check the ICO's register of data protection fee payers",
        "The ICO publishes a register of those who pay the data protection fee, with an address for each. If you registered as a councillor or a candidate, that may be your home address.",
        [
          "Search the ICO's register of fee payers for your name.",
          "If it shows your home address, contact the ICO about changing the address shown, and check with them whether you need to pay the fee at all.",
        ],
        [ICO_FEE_REGISTER],
      ),
    ],
  },
  {
    id: "printed-material",
    title: "Leaflets and printed material",
    intro: "Leaflets go through thousands of doors and are kept, photographed and shared.",
    items: [
      item(
        "imprint-address",
        "Choose which address appears in your imprints",
        "Election material must carry an imprint naming the promoter and giving an address. Digital campaign material needs one too.",
        [
          "Use your campaign office or your agent's office address in imprints rather than your home, where you can.",
          "Read the Electoral Commission's guidance on imprints for what is needed, for printed and digital material.",
        ],
        [EC_IMPRINTS],
      ),
      item(
        "leaflet-contact-details",
        "Keep your home address and personal phone off leaflets and cards",
        "Whatever is printed cannot be taken back once it is delivered.",
        [
          "Use only your office address, campaign phone number and campaign email on leaflets, letters, posters and business cards.",
          "Check photos on leaflets for your house, your street or your car.",
          "Ask your printer to send proofs to the campaign, and check every proof for personal details before you approve it.",
        ],
      ),
    ],
  },
  {
    id: "keep-it-up",
    title: "Keep it up",
    intro: "Details leak again over a campaign: new posts, new photos, new listings.",
    items: [
      item(
        "add-to-private-details",
        "Add what you found to your private details in Shield",
        "Shield tells you to call 999 when a message reveals a detail you have registered as private. Without them, it can only guess at what looks like an address or a phone number.",
        [
          "Add your home address, personal phones and emails, family members' first names, your children's schools, your vehicle registrations and your workplaces to your private details.",
          "Add your office address, office phone and public email as public details, so Shield never warns about them.",
        ],
        [GUIDANCE_SOURCES.redFlagPersonalInfo],
      ),
      item(
        "repeat-check",
        "Do the check again during the campaign",
        "New posts, new photos and new listings appear all the time, especially once nominations are published.",
        [
          "Repeat the search for yourself after nominations are published, every few weeks during the campaign, and after polling day.",
          "Update your private details when something changes, such as a new phone number or car.",
        ],
      ),
    ],
  },
];

/** Every item, in order. */
export const HEALTH_CHECK_ITEMS: readonly HealthCheckItem[] = HEALTH_CHECK.flatMap((s) => s.items);

export interface SectionProgress {
  id: string;
  title: string;
  done: number;
  total: number;
}

export interface HealthCheckProgress {
  done: number;
  total: number;
  sections: SectionProgress[];
}

/** How much of the check is done. Ids that are not (or no longer) in the checklist are ignored. */
export function healthCheckProgress(
  done: Readonly<Record<string, boolean>>,
  sections: readonly HealthCheckSection[] = HEALTH_CHECK,
): HealthCheckProgress {
  const perSection = sections.map((section) => ({
    id: section.id,
    title: section.title,
    done: section.items.filter((i) => Object.hasOwn(done, i.id) && done[i.id] === true).length,
    total: section.items.length,
  }));
  return {
    done: perSection.reduce((sum, s) => sum + s.done, 0),
    total: perSection.reduce((sum, s) => sum + s.total, 0),
    sections: perSection,
  };
}
