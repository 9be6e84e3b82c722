export { Bus, BUS_TO_DEVICE, BUS_TO_HOST, type BusDirection, type BusOptions, type BusTransactionKind } from './bus';
