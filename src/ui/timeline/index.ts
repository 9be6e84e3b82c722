// Public names of src/ui/timeline: the commands behind the run bar (start a scenario, play,
// step by event / crossing / packet, back, scrub, speed), the history of positions.
export * as timeCommands from './time-commands';
export { PositionHistory, trackHistory } from './history';
export { SpeedLimiter, SPEEDS } from './speed-limiter';
export { handleTimeKey } from './time-keys';
