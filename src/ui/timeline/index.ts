// Public names of src/ui/timeline: the time bar and its commands (start a scenario, play,
// step by event / crossing / packet, back, scrub, speed), the history of positions.
export { TimeBar } from './TimeBar';
export * as timeCommands from './time-commands';
export { PositionHistory, trackHistory } from './history';
export { SpeedLimiter, SPEEDS } from './speed-limiter';
export { handleTimeKey } from './time-keys';
