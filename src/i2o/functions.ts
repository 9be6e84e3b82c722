// I2O Function codes the lab knows, with their names, and the ranges of
// I2O 1.5: utility 0x00-0x1F, base 0x20-0xFE (class-specific from 0x80,
// executive from 0xA0), private 0xFF.
//
// Class-specific codes overlap between classes (0x37 is BSA CacheFlush and LAN
// Suspend), so a code's meaning depends on the target's class. The lab's IOP
// hosts the executive, the LAN class (the HDM's NIC) and the socket class
// (private messages), so those are the codes known here; any other code
// decodes as 'unknown-function'.
//
// Codes: Linux include/linux/i2o.h (I2O_CMD_UTIL_*, executive I2O_CMD_*) and
// REFERENCES.md for the LAN class (PacketSend 0x3B, SDUSend 0x3D,
// ReceivePost 0x3E, Reset 0x35, Suspend 0x37).
import { FUNCTION_PRIVATE, FUNCTION_UTILITY_MAX } from './constants';

const FUNCTION_NAMES: ReadonlyMap<number, string> = new Map<number, string>([
  // Utility class
  [0x00, 'UTIL_NOP'],
  [0x01, 'UTIL_ABORT'],
  [0x05, 'UTIL_PARAMS_SET'],
  [0x06, 'UTIL_PARAMS_GET'],
  [0x09, 'UTIL_CLAIM'],
  [0x0b, 'UTIL_CLAIM_RELEASE'],
  [0x0d, 'UTIL_DEVICE_RESERVE'],
  [0x0f, 'UTIL_DEVICE_RELEASE'],
  [0x10, 'UTIL_CONFIG_DIALOG'],
  [0x13, 'UTIL_EVT_REGISTER'],
  [0x14, 'UTIL_EVT_ACK'],
  [0x15, 'UTIL_REPLY_FAULT_NOTIFY'],
  [0x17, 'UTIL_LOCK'],
  [0x19, 'UTIL_LOCK_RELEASE'],
  // LAN class
  [0x35, 'LAN_RESET'],
  [0x37, 'LAN_SUSPEND'],
  [0x3b, 'LAN_PACKET_SEND'],
  [0x3d, 'LAN_SDU_SEND'],
  [0x3e, 'LAN_RECEIVE_POST'],
  // Executive class
  [0xa0, 'EXEC_STATUS_GET'],
  [0xa1, 'EXEC_OUTBOUND_INIT'],
  [0xa2, 'EXEC_LCT_NOTIFY'],
  [0xa3, 'EXEC_SYS_TAB_SET'],
  [0xa5, 'EXEC_BIOS_INFO_SET'],
  [0xa7, 'EXEC_BOOT_DEVICE_SET'],
  [0xa8, 'EXEC_HRT_GET'],
  [0xa9, 'EXEC_SW_DOWNLOAD'],
  [0xab, 'EXEC_SW_UPLOAD'],
  [0xad, 'EXEC_SW_REMOVE'],
  [0xaf, 'EXEC_DDM_SUSPEND'],
  [0xb1, 'EXEC_DDM_DESTROY'],
  [0xb2, 'EXEC_ADAPTER_READ'],
  [0xb3, 'EXEC_ADAPTER_ASSIGN'],
  [0xb5, 'EXEC_ADAPTER_RELEASE'],
  [0xb7, 'EXEC_DEVICE_ASSIGN'],
  [0xb9, 'EXEC_DEVICE_RELEASE'],
  [0xbb, 'EXEC_CONFIG_VALIDATE'],
  [0xbd, 'EXEC_IOP_RESET'],
  [0xbe, 'EXEC_IOP_CLEAR'],
  [0xc1, 'EXEC_SYS_MODIFY'],
  [0xc3, 'EXEC_SYS_QUIESCE'],
  [0xc5, 'EXEC_PATH_QUIESCE'],
  [0xc7, 'EXEC_DDM_QUIESCE'],
  [0xc9, 'EXEC_IOP_CONNECT'],
  [0xca, 'EXEC_CONN_SETUP'],
  [0xd1, 'EXEC_SYS_ENABLE'],
  [0xd3, 'EXEC_PATH_ENABLE'],
  [0xd5, 'EXEC_DDM_ENABLE'],
  [0xd7, 'EXEC_PATH_RESET'],
  [0xd9, 'EXEC_DDM_RESET'],
  [0xdd, 'EXEC_STATIC_MF_CREATE'],
  [0xdf, 'EXEC_STATIC_MF_RELEASE'],
  [FUNCTION_PRIVATE, 'PRIVATE'],
]);

export const FN_UTIL_NOP = 0x00;
export const FN_UTIL_EVT_REGISTER = 0x13;
export const FN_LAN_PACKET_SEND = 0x3b;
export const FN_LAN_RECEIVE_POST = 0x3e;
export const FN_EXEC_STATUS_GET = 0xa0;
export const FN_EXEC_OUTBOUND_INIT = 0xa1;

export type FunctionRange = 'utility' | 'base' | 'private';

export function functionRange(fn: number): FunctionRange {
  if (fn <= FUNCTION_UTILITY_MAX) return 'utility';
  if (fn === FUNCTION_PRIVATE) return 'private';
  return 'base';
}

export function isKnownFunction(fn: number): boolean {
  return FUNCTION_NAMES.has(fn);
}

/** The lab's name for a Function code, or its hex when unknown. */
export function functionName(fn: number): string {
  return FUNCTION_NAMES.get(fn) ?? `FN_0x${fn.toString(16).padStart(2, '0')}`;
}
