// Directory of UK police forces that a candidate may need to contact: the 43 territorial
// forces of England and Wales, Police Scotland, the Police Service of Northern Ireland,
// and British Transport Police. Used for the campaign's force (whose SPOC sees shared
// incidents) and for the offline reference pages.
import type { Jurisdiction } from "./incident/model.ts";

export interface PoliceForce {
  /** Stable kebab-case slug, e.g. "metropolitan-police". */
  id: string;
  /** Official name, e.g. "Metropolitan Police Service". */
  name: string;
  nation: "england" | "wales" | "scotland" | "northern-ireland" | "great-britain";
  /** Which body of criminal law applies (British Transport Police: England and Wales law for its GB-wide remit here). */
  jurisdiction: Jurisdiction;
  /** Territorial (geographic) force, or a special force with a national remit. */
  kind: "territorial" | "special";
  /** https URL of the force's own website. */
  website: string;
}

export const FORCES_SOURCE =
  "Home Office, 'Police forces in England and Wales' (43 territorial forces, gov.uk); police.uk force directory " +
  "(https://www.police.uk/pu/find-a-police-force/); Police Scotland (scotland.police.uk); " +
  "Police Service of Northern Ireland (psni.police.uk); British Transport Police (btp.police.uk). Checked 2025.";

type Row = [id: string, name: string, nation: PoliceForce["nation"], host: string];

// England and Wales territorial forces (43).
const ENGLAND_WALES: readonly Row[] = [
  ["avon-and-somerset-police", "Avon and Somerset Police", "england", "www.avonandsomerset.police.uk"],
  ["bedfordshire-police", "Bedfordshire Police", "england", "www.bedfordshire.police.uk"],
  ["cambridgeshire-constabulary", "Cambridgeshire Constabulary", "england", "www.cambs.police.uk"],
  ["cheshire-constabulary", "Cheshire Constabulary", "england", "www.cheshire.police.uk"],
  ["city-of-london-police", "City of London Police", "england", "www.cityoflondon.police.uk"],
  ["cleveland-police", "Cleveland Police", "england", "www.cleveland.police.uk"],
  ["cumbria-constabulary", "Cumbria Constabulary", "england", "www.cumbria.police.uk"],
  ["derbyshire-constabulary", "Derbyshire Constabulary", "england", "www.derbyshire.police.uk"],
  ["devon-and-cornwall-police", "Devon and Cornwall Police", "england", "www.devon-cornwall.police.uk"],
  ["dorset-police", "Dorset Police", "england", "www.dorset.police.uk"],
  ["durham-constabulary", "Durham Constabulary", "england", "www.durham.police.uk"],
  ["dyfed-powys-police", "Dyfed-Powys Police", "wales", "www.dyfed-powys.police.uk"],
  ["essex-police", "Essex Police", "england", "www.essex.police.uk"],
  [
    "gloucestershire-constabulary",
    "Gloucestershire Constabulary",
    "england",
    "www.gloucestershire.police.uk",
  ],
  ["greater-manchester-police", "Greater Manchester Police", "england", "www.gmp.police.uk"],
  ["gwent-police", "Gwent Police", "wales", "www.gwent.police.uk"],
  [
    "hampshire-and-isle-of-wight-constabulary",
    "Hampshire and Isle of Wight Constabulary",
    "england",
    "www.hampshire.police.uk",
  ],
  ["hertfordshire-constabulary", "Hertfordshire Constabulary", "england", "www.herts.police.uk"],
  ["humberside-police", "Humberside Police", "england", "www.humberside.police.uk"],
  ["kent-police", "Kent Police", "england", "www.kent.police.uk"],
  ["lancashire-constabulary", "Lancashire Constabulary", "england", "www.lancashire.police.uk"],
  ["leicestershire-police", "Leicestershire Police", "england", "www.leics.police.uk"],
  ["lincolnshire-police", "Lincolnshire Police", "england", "www.lincs.police.uk"],
  ["merseyside-police", "Merseyside Police", "england", "www.merseyside.police.uk"],
  ["metropolitan-police", "Metropolitan Police Service", "england", "www.met.police.uk"],
  ["norfolk-constabulary", "Norfolk Constabulary", "england", "www.norfolk.police.uk"],
  ["north-wales-police", "North Wales Police", "wales", "www.northwales.police.uk"],
  ["north-yorkshire-police", "North Yorkshire Police", "england", "www.northyorkshire.police.uk"],
  ["northamptonshire-police", "Northamptonshire Police", "england", "www.northants.police.uk"],
  ["northumbria-police", "Northumbria Police", "england", "www.northumbria.police.uk"],
  ["nottinghamshire-police", "Nottinghamshire Police", "england", "www.nottinghamshire.police.uk"],
  ["south-wales-police", "South Wales Police", "wales", "www.south-wales.police.uk"],
  ["south-yorkshire-police", "South Yorkshire Police", "england", "www.southyorkshire.police.uk"],
  ["staffordshire-police", "Staffordshire Police", "england", "www.staffordshire.police.uk"],
  ["suffolk-constabulary", "Suffolk Constabulary", "england", "www.suffolk.police.uk"],
  ["surrey-police", "Surrey Police", "england", "www.surrey.police.uk"],
  ["sussex-police", "Sussex Police", "england", "www.sussex.police.uk"],
  ["thames-valley-police", "Thames Valley Police", "england", "www.thamesvalley.police.uk"],
  ["warwickshire-police", "Warwickshire Police", "england", "www.warwickshire.police.uk"],
  ["west-mercia-police", "West Mercia Police", "england", "www.westmercia.police.uk"],
  ["west-midlands-police", "West Midlands Police", "england", "www.west-midlands.police.uk"],
  ["west-yorkshire-police", "West Yorkshire Police", "england", "www.westyorkshire.police.uk"],
  ["wiltshire-police", "Wiltshire Police", "england", "www.wiltshire.police.uk"],
];

const ALL: PoliceForce[] = [
  ...ENGLAND_WALES.map(([id, name, nation, host]): PoliceForce => ({
    id,
    name,
    nation,
    jurisdiction: "england-wales",
    kind: "territorial",
    website: `https://${host}`,
  })),
  {
    id: "police-scotland",
    name: "Police Scotland",
    nation: "scotland",
    jurisdiction: "scotland",
    kind: "territorial",
    website: "https://www.scotland.police.uk",
  },
  {
    id: "psni",
    name: "Police Service of Northern Ireland",
    nation: "northern-ireland",
    jurisdiction: "northern-ireland",
    kind: "territorial",
    website: "https://www.psni.police.uk",
  },
  {
    id: "british-transport-police",
    name: "British Transport Police",
    nation: "great-britain",
    jurisdiction: "england-wales",
    kind: "special",
    website: "https://www.btp.police.uk",
  },
];

/** All 46 forces, sorted by name. Frozen. */
export const POLICE_FORCES: readonly PoliceForce[] = Object.freeze(
  ALL.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => Object.freeze(f)),
);

const BY_ID: ReadonlyMap<string, PoliceForce> = new Map(POLICE_FORCES.map((f) => [f.id, f]));

/** The force with this id, or undefined. */
export function findForce(id: string): PoliceForce | undefined {
  return BY_ID.get(id);
}
