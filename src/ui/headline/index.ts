// Public names of the savings headline: its arithmetic and its panel.
export { configFigures, savings, pickBaseline, type ConfigFigures, type Savings, type CategoryDelta } from './savings';
export { differentialBars, DIFF_ROW, type DiffBar, type DiffLayout } from './differential-bars';
export { SavingsHeadline } from './SavingsHeadline';
