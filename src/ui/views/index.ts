// Public names of src/ui/views: the views panel (architecture, sequence, inspector tabs),
// the feed the views draw from, its binding to the runtime, the redraw pacing the views and
// charts share, and the views' test API.
export { ViewsPanel } from './ViewsPanel';
export { ViewFeed, type FeedFrame, type ConfigurationFeed } from './feed/view-feed';
export { TraceBuffer } from './feed/trace-buffer';
export { RedrawPacer, FrameSlot, pacedFrame, type RedrawPacerOptions } from './feed/redraw-pacer';
export { usePacedVersion, type VersionSource, type PacedVersionDeps } from './feed/use-paced-version';
export { activeTokens, aggregateTokens, MAX_INDIVIDUAL_TOKENS, type Token, type TokenMark } from './feed/tokens';
export { bindViews, views, type ViewBinding } from './feed/binding';
export { createViewsTestApi, type ViewsTestApi } from './test-api';
export { columnLayout, type ColumnLayout, type LayerBox } from './arch/layout';
export { LAYER_INFO } from './arch/layer-info';
export { boxOfCategory, categoriesOfBox, processorKind, CYCLES_ELSEWHERE, type ProcessorKind } from './arch/cycle-map';
export { columnCycles, type BoxCycles, type ColumnCycles, type CyclePart } from './arch/box-cycles';
export { ladderItems, lanesFor } from './sequence/ladder';
