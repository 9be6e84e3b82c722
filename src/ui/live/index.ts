// Formatting and colour helpers shared by the charts, the headline and the
// inspector: counts, SI units, percentages, clock rates, and the one colour per
// CPU category.
export { formatCount, formatSi, formatPercent, formatHz } from './format';
export { categoryColor } from './category-colors';
