export { CONFIGURATIONS, emptyCounters, type ConfigurationName, type Machine, type MachineCounters } from './types';
