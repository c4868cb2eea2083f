// National statistics: predefined views of incident facts, published so that no query or pair of
// queries reveals a count under 5 (suppression.ts explains how). Pure: no I/O, no clock.
export {
  DIMENSION_NAMES,
  DIMENSIONS,
  FORCE_KEYS,
  NONE,
  NOT_SET,
  keysFor,
  type Dimension,
  type DimensionName,
  type Key,
  type RawValue,
} from "./dimensions.ts";
export { incidentFactsOf, type IncidentFactValues } from "./facts.ts";
export { OFFENCE_CATEGORIES, offenceCategoryOf, type OffenceCategory } from "./offence-categories.ts";
export {
  PROTECTION_NOTE,
  UNDER_FIVE,
  bandOf,
  shownCount,
  sumOfFigures,
  type Shown,
  type SumOfFigures,
} from "./suppression.ts";
export {
  countCells,
  tabulate,
  type Cell,
  type DimensionOfTable,
  type FactGroup,
  type Scope,
  type Table,
  type Totals,
} from "./tabulate.ts";
export { VIEWS, findView, type View } from "./views.ts";
export {
  CALENDAR_WEEKS,
  DEFAULT_RANGE_WEEKS,
  defaultRange,
  isOfferedLength,
  isoWeekOf,
  parseWeekRange,
  rangeText,
  weekCalendar,
  weekLabel,
  weekStartOf,
  weekStartOfIsoWeek,
  type WeekRange,
} from "./weeks.ts";
