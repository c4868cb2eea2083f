// How a count becomes a published figure, and why no query or pair of queries can reveal a count under 5.
//
// THE RULE
//   A count of 0 to 4 is shown as "<5". Any other count is rounded to the nearest 10, halves up:
//   5–14 shows as 10, 15–24 as 20, 25–34 as 30, and so on. Each figure is computed from the incidents
//   themselves (never from other figures), so the same group of incidents shows the same figure in
//   every view.
//
// WHAT A QUERY PUBLISHES (see views.ts and tabulate.ts)
//   One predefined view: no dimension (the total), one or two of force, week, channel, level, offence
//   category, targeted group, protected characteristic; over a run of whole weeks of a fixed calendar,
//   for all forces or one. Every key of each dimension is always listed, in a fixed order, whether or
//   not it has incidents (zero is "<5" too), so the shape of an answer says nothing about the data.
//   A query publishes one layer of figures, its cells. Row, column and grand totals are never counted
//   separately: they are sums of the figures shown (so they carry no information the cells do not).
//
// WHY IT HOLDS (the argument the property test in test/unit/stats checks on random and adversarial data)
//   Each figure says only that its count lies in a band: "<5" is 0–4, and "10m" is 10m−5 … 10m+4.
//   Every band's top is 4 more than a multiple of 10 (4, 14, 24, …) and every band's bottom above "<5"
//   is 5 more (5, 15, 25, …).
//   1. One figure: a count under 5 is "<5", which 0, 1, 2, 3 and 4 all show as.
//   2. Two figures, differenced or added: the band of a − b or a + b spans at least 9 values. A bottom
//      minus a top always ends in 1 or 6 and a top minus a bottom in 4 or 9, so even knowing the hidden
//      count is under 5 leaves it two or more values; a + b starts at 0 or at 5 or more. So the hidden
//      count of the difference of two groups (weeks 1–10 minus weeks 1–9, all forces minus one force,
//      today's figure minus yesterday's) is never pinned to one value.
//   3. Whole answers. Two queries relate by sums: a figure of one is the sum of figures of the other
//      (a 1-D cell and its row of a 2-D view; a range and its weekly figures; force F's answer and the
//      national one), or two rows of figures add up to the same incidents. A count under 5 can be pinned
//      only where such a sum is tight: the tops of the bands on one side add up exactly to the bottoms
//      on the other, which forces every count on the first side to its top, so the small one to 4.
//      With the bands above, the tops always add up to an even number and a single figure's bottom is
//      odd (5, 15, 25 …), so a figure and any set of figures summing to it can never be tight. Two sets
//      of figures summing to the same unpublished group can be tight only if the side with the small
//      count has a multiple of 5 of figures in it; no dimension offered has that many keys (levels 4,
//      channels 12, forces 46 + "not set", offence categories 8 + "none", targeted groups 4,
//      characteristics 6 + "none"), products of those are not multiples of 5 either, and week ranges of
//      5, 10, 15… weeks are refused (weeks.ts). A view never publishes both a figure and its parts, so
//      the longer chains of sums that could be tight exist in no single answer and no pair of answers.
//   A figure of "<5" summing parts can only be tight when every part is 0, which reveals nothing small.
//   Rounding to the nearest 5 instead, as some statistics do, would not hold: a total of 8 shows as 10
//   (8–12), and if its only two parts show "<5" (0–4 each), both must be 4.
//
// WHAT IT DOES NOT COVER
//   - Outside knowledge that particular cells are empty (for example that only five forces use Shield,
//     or that public order offences arise only face to face). The count of figures in point 3 includes
//     the empty ones, because they look like small ones; someone who knows which are empty could, if the
//     counts also lined up exactly (every other part exactly 4, 14, 24… on one side, an even number of
//     parts exactly 5, 15, 25… on the other), learn from a pair of answers that a "<5" is exactly 4.
//     Never 1, 2 or 3: a pinned count is always at the top of its band.
//   - Many queries together. Intersecting the bands of many overlapping figures can narrow counts
//     further; the safeguard there is that analyst accounts are few, named and suspended by an
//     administrator. Noise added to each figure (differential privacy) would close both; it is not used.

/** A published figure: a multiple of 10, or "<5". */
export type Shown = number | "<5";

export const UNDER_FIVE = "<5" as const;

/** The figure shown for a true count. */
export function shownCount(count: number): Shown {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a count: ${count}`);
  if (count < 5) return UNDER_FIVE;
  return Math.floor((count + 5) / 10) * 10;
}

/** Every count that shows as this figure: the band it stands for. */
export function bandOf(shown: Shown): { min: number; max: number } {
  if (shown === UNDER_FIVE) return { min: 0, max: 4 };
  return { min: shown - 5, max: shown + 4 };
}

/** A sum of published figures: what a total shown beside them stands for. */
export interface SumOfFigures {
  /** The figures added up, "<5" as 0. */
  sum: number;
  /** How many of them were "<5". */
  under5: number;
  /** The true total lies between these (the sums of the bands' ends). */
  min: number;
  max: number;
}

export function sumOfFigures(figures: Iterable<Shown>): SumOfFigures {
  const total: SumOfFigures = { sum: 0, under5: 0, min: 0, max: 0 };
  for (const figure of figures) {
    const band = bandOf(figure);
    if (figure === UNDER_FIVE) total.under5++;
    else total.sum += figure;
    total.min += band.min;
    total.max += band.max;
  }
  return total;
}

/** The note every answer carries: how its figures are protected, in plain English. */
export const PROTECTION_NOTE =
  "Each figure counts incidents and is rounded to the nearest 10 (5 to 14 shows as 10, 15 to 24 as 20). " +
  'Counts from 0 to 4 show as "<5", and so does zero, so an empty cell looks the same as a small one. ' +
  "Totals are the sums of the figures shown, never counted separately, so the true total lies between " +
  "their min and max. Together these rules mean that no figure, and no sum or difference of figures " +
  "from any two views, reveals a count under 5. No incident text, name or identifier is used.";
