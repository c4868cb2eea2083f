// The predefined views: the total, each dimension alone, and each pair of dimensions. Nothing else can be
// asked: no free filters, no third dimension (a force filter on a view of two is the nearest to it).
import { DIMENSION_NAMES, type DimensionName } from "./dimensions.ts";

export interface View {
  /** "total", "channel", "force-by-week", … */
  name: string;
  dimensions: readonly DimensionName[];
}

const pairs: View[] = DIMENSION_NAMES.flatMap((a, i) =>
  DIMENSION_NAMES.slice(i + 1).map((b) => ({ name: `${a}-by-${b}`, dimensions: [a, b] as const })),
);

export const VIEWS: readonly View[] = [
  { name: "total", dimensions: [] },
  ...DIMENSION_NAMES.map((d) => ({ name: d, dimensions: [d] as const })),
  ...pairs,
];

const BY_NAME: ReadonlyMap<string, View> = new Map(VIEWS.map((v) => [v.name, v]));

export const findView = (name: string): View | undefined => BY_NAME.get(name);
