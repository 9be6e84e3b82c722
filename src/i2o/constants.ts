// I2O 1.5 constants: the message header's bit layout, MsgFlags, special TIDs,
// function codes, reply status and transport failure codes, frame sizes.
//
// Every value here was read in the Linux kernel's I2O headers (the 2.6 line,
// include/linux/i2o.h and drivers/message/i2o/core.h in torvalds/linux), and
// cross-checked against the DPT/Adaptec I2O headers FreeBSD carries
// (sys/dev/asr/i2omsg.h in freebsd/freebsd-src), which transcribe the I2O 1.5
// specification's tables. Where a comment says "Linux" it quotes the former.

/** VersionOffset low nibble: I2O 1.5 (Linux `I2OVER15 0x0001`). */
export const I2O_VERSION_15 = 0x01;

/** Header length in 32-bit words (Linux `struct i2o_message`: head[4]). */
export const I2O_HEADER_WORDS = 4;
/** A single-transaction reply adds one status word (I2O_SINGLE_REPLY_MESSAGE_FRAME). */
export const I2O_REPLY_STATUS_WORDS = 1;
/** A private message adds one word: XFunctionCode:16 | OrganizationID:16 (I2O_PRIVATE_MESSAGE_FRAME). */
export const I2O_PRIVATE_WORDS = 1;

// MsgFlags, the byte at bits 15:8 of word 0. Linux writes them pre-shifted
// (`MSG_STATIC 0x0100` ... `MSG_REPLY 0x8000`); FreeBSD's i2omsg.h has the
// byte values (`I2O_MESSAGE_FLAGS_STATIC 0x01` ... `_REPLY 0x80`).
export const MSG_FLAG_STATIC = 0x01;
export const MSG_FLAG_64BIT_CONTEXT = 0x02;
export const MSG_FLAG_MULTIPLE = 0x10;
export const MSG_FLAG_FAIL = 0x20;
export const MSG_FLAG_LAST = 0x40;
export const MSG_FLAG_REPLY = 0x80;

export const MSG_FLAG_NAMES: readonly (readonly [number, string])[] = [
  [MSG_FLAG_STATIC, 'STATIC'],
  [MSG_FLAG_64BIT_CONTEXT, '64BIT_CONTEXT'],
  [MSG_FLAG_MULTIPLE, 'MULTIPLE'],
  [MSG_FLAG_FAIL, 'FAIL'],
  [MSG_FLAG_LAST, 'LAST'],
  [MSG_FLAG_REPLY, 'REPLY'],
];

// Special TIDs (Linux `ADAPTER_TID 0`, `HOST_TID 1`).
export const IOP_TID = 0x000;
export const HOST_TID = 0x001;
/**
 * The socket DDM's TID. Real TIDs come from the IOP's Logical Configuration
 * Table at boot; the lab fixes one so that traces are stable.
 */
export const SOCKET_DDM_TID = 0x010;
export const TID_MAX = 0xfff;

// Function code ranges (I2O 1.5; REFERENCES.md "I2O").
export const FUNCTION_UTILITY_MAX = 0x1f;
export const FUNCTION_PRIVATE = 0xff;

// Reply status, bits 31:24 of the status word (Linux debug.c reads
// `req_status = (msg[4] >> 24) & 0xFF; detailed_status = msg[4] & 0xFFFF`).
export const REPLY_STATUS_SUCCESS = 0x00;
export const REPLY_STATUS_ABORT_DIRTY = 0x01;
export const REPLY_STATUS_ABORT_NO_DATA_TRANSFER = 0x02;
export const REPLY_STATUS_ABORT_PARTIAL_TRANSFER = 0x03;
export const REPLY_STATUS_ERROR_DIRTY = 0x04;
export const REPLY_STATUS_ERROR_NO_DATA_TRANSFER = 0x05;
export const REPLY_STATUS_ERROR_PARTIAL_TRANSFER = 0x06;
export const REPLY_STATUS_PROCESS_ABORT_DIRTY = 0x08;
export const REPLY_STATUS_PROCESS_ABORT_NO_DATA_TRANSFER = 0x09;
export const REPLY_STATUS_PROCESS_ABORT_PARTIAL_TRANSFER = 0x0a;
export const REPLY_STATUS_TRANSACTION_ERROR = 0x0b;
export const REPLY_STATUS_PROGRESS_REPORT = 0x80;

// Transport failure codes (Table 3-3), carried in the same byte of a reply
// whose MsgFlags has FAIL set (Linux `I2O_FSC_TRANSPORT_*`).
export const FSC_SERVICE_SUSPENDED = 0x81;
export const FSC_SERVICE_TERMINATED = 0x82;
export const FSC_CONGESTION = 0x83;
export const FSC_FAILURE = 0x84;
export const FSC_STATE_ERROR = 0x85;
export const FSC_TIME_OUT = 0x86;
export const FSC_ROUTING_FAILURE = 0x87;
export const FSC_INVALID_VERSION = 0x88;
export const FSC_INVALID_OFFSET = 0x89;
export const FSC_INVALID_MSG_FLAGS = 0x8a;
export const FSC_FRAME_TOO_SMALL = 0x8b;
export const FSC_FRAME_TOO_LARGE = 0x8c;
export const FSC_INVALID_TARGET_ID = 0x8d;
export const FSC_INVALID_INITIATOR_ID = 0x8e;
export const FSC_INVALID_INITIATOR_CONTEXT = 0x8f;
export const FSC_UNKNOWN_FAILURE = 0xff;

const REPLY_STATUS_NAMES: Record<number, string> = {
  0x00: 'SUCCESS',
  0x01: 'ABORT_DIRTY',
  0x02: 'ABORT_NO_DATA_TRANSFER',
  0x03: 'ABORT_PARTIAL_TRANSFER',
  0x04: 'ERROR_DIRTY',
  0x05: 'ERROR_NO_DATA_TRANSFER',
  0x06: 'ERROR_PARTIAL_TRANSFER',
  0x08: 'PROCESS_ABORT_DIRTY',
  0x09: 'PROCESS_ABORT_NO_DATA_TRANSFER',
  0x0a: 'PROCESS_ABORT_PARTIAL_TRANSFER',
  0x0b: 'TRANSACTION_ERROR',
  0x80: 'PROGRESS_REPORT',
};

const FAILURE_NAMES: Record<number, string> = {
  0x81: 'SERVICE_SUSPENDED',
  0x82: 'SERVICE_TERMINATED',
  0x83: 'CONGESTION',
  0x84: 'FAILURE',
  0x85: 'STATE_ERROR',
  0x86: 'TIME_OUT',
  0x87: 'ROUTING_FAILURE',
  0x88: 'INVALID_VERSION',
  0x89: 'INVALID_OFFSET',
  0x8a: 'INVALID_MSG_FLAGS',
  0x8b: 'FRAME_TOO_SMALL',
  0x8c: 'FRAME_TOO_LARGE',
  0x8d: 'INVALID_TARGET_ID',
  0x8e: 'INVALID_INITIATOR_ID',
  0x8f: 'INVALID_INITIATOR_CONTEXT',
  0xff: 'UNKNOWN_FAILURE',
};

/** Name of a ReqStatus byte; with `failed` (MsgFlags FAIL) it names a transport failure code. */
export function replyStatusName(status: number, failed = false): string {
  const name = failed ? FAILURE_NAMES[status] : REPLY_STATUS_NAMES[status];
  return name ?? `0x${status.toString(16).padStart(2, '0')}`;
}

// Frame sizes. Inbound: 32 words on IOPs of the era (REFERENCES.md: derived
// from the Linux LAN OSM's limit of 9 packets per send frame). Outbound: Linux
// 2.6 allocates `I2O_MAX_OUTBOUND_MSG_FRAMES 128` frames of
// `I2O_OUTBOUND_MSG_FRAME_SIZE 128` words.
export const INBOUND_FRAME_WORDS = 32;
export const OUTBOUND_FRAME_WORDS = 128;
export const OUTBOUND_FRAME_COUNT = 128;
/** MessageSize is a 16-bit count of words. */
export const MESSAGE_SIZE_MAX_WORDS = 0xffff;

/** What a queue port reads when its list is empty (Linux `I2O_QUEUE_EMPTY 0xffffffff`). */
export const I2O_QUEUE_EMPTY = 0xffffffff;

// Messaging-unit registers relative to the controller's BAR (Linux
// drivers/message/i2o/core.h: I2O_IRQ_STATUS 0x30, I2O_IRQ_MASK 0x34,
// I2O_IN_PORT 0x40, I2O_OUT_PORT 0x44, I2O_IRQ_OUTBOUND_POST 0x00000008). The
// message registers, doorbells and their interrupt bits are the Intel IOP
// messaging unit's, as drivers for IOP-based boards name them (arcmsr.h:
// ARCMSR_MU_INBOUND_MESSAGE_REG0 0x10 ... ARCMSR_MU_OUTBOUND_DOORBELL_REG 0x2C,
// ARCMSR_MU_OUTBOUND_POSTQUEUE_INT 0x08, ARCMSR_MU_INBOUND_POSTQUEUE_INT 0x10).
export const MU_REG_INBOUND_MESSAGE_0 = 0x10;
export const MU_REG_INBOUND_MESSAGE_1 = 0x14;
export const MU_REG_OUTBOUND_MESSAGE_0 = 0x18;
export const MU_REG_OUTBOUND_MESSAGE_1 = 0x1c;
export const MU_REG_INBOUND_DOORBELL = 0x20;
export const MU_REG_INBOUND_INTERRUPT_STATUS = 0x24;
export const MU_REG_INBOUND_INTERRUPT_MASK = 0x28;
export const MU_REG_OUTBOUND_DOORBELL = 0x2c;
export const MU_REG_OUTBOUND_INTERRUPT_STATUS = 0x30;
export const MU_REG_OUTBOUND_INTERRUPT_MASK = 0x34;
export const MU_REG_INBOUND_QUEUE_PORT = 0x40;
export const MU_REG_OUTBOUND_QUEUE_PORT = 0x44;

// Outbound interrupt status bits (host side).
export const MU_IRQ_OUTBOUND_MESSAGE_0 = 0x01;
export const MU_IRQ_OUTBOUND_MESSAGE_1 = 0x02;
export const MU_IRQ_OUTBOUND_DOORBELL = 0x04;
export const MU_IRQ_OUTBOUND_POST = 0x00000008;
// Inbound interrupt status bits (IOP side).
export const MU_IRQ_INBOUND_MESSAGE_0 = 0x01;
export const MU_IRQ_INBOUND_MESSAGE_1 = 0x02;
export const MU_IRQ_INBOUND_DOORBELL = 0x04;
export const MU_IRQ_INBOUND_POST = 0x10;
