// Public names of the scenario controls: the row model and the panels.
export { controlGroups, checklistText, rangeText, textOf, formatNumber, type ControlRow, type ControlGroup, type ControlKind } from './control-model';
export { ParamRow } from './ParamRow';
export { VariantEditor } from './VariantEditor';
export { ControlsPanel } from './ControlsPanel';
