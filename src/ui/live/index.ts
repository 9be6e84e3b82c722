// Public names of the live panel: the panel and the formatting and colour helpers that
// later charts reuse.
export { LivePanel } from './LivePanel';
export { ProcessorCard, type ProcessorCardProps } from './ProcessorCard';
export { StatTile, type StatTileProps } from './StatTile';
export { formatCount, formatSi, formatPercent, formatHz } from './format';
export { categoryColor } from './category-colors';
export { selectLiveStats, selectProcessorNames, selectProcessorFigures, type LiveStats, type ProcessorLive } from './live-selectors';
