// Public names of src/i2o: I2O 1.5 frames as real bytes, scatter-gather lists,
// the socket class as private messages (a reconstruction), the messaging
// unit's queues, and the inspector's field tree and one-line printer.
// src/i2o imports only src/sim (DESIGN.md 2.1).
export * from './constants';
export { i2oError, isI2oError, type I2oError, type I2oErrorKind } from './errors';
export { functionName, functionRange, isKnownFunction, type FunctionRange } from './functions';
export { FN_EXEC_OUTBOUND_INIT, FN_EXEC_STATUS_GET, FN_LAN_PACKET_SEND, FN_LAN_RECEIVE_POST, FN_UTIL_EVT_REGISTER, FN_UTIL_NOP } from './functions';
export {
  decodeFrame, encodeFrame, fixedWords, frameLimitWords, messageWords, sglOffsetOf,
  type EncodeOptions, type I2oMessage, type PrivateHeader, type ReplyStatus,
} from './frame';
export {
  SGL_64BIT_PAGE_SIZE, SGL_ATTRIBUTES_64BIT, SGL_COUNT_MAX, SGL_FLAG_DIR, SGL_FLAG_END_OF_BUFFER, SGL_FLAG_LAST_ELEMENT,
  SGL_FLAG_LOCAL_ADDRESS, SGL_FLAG_SIMPLE_ADDRESS, decodeSgl, encodeSgl, sglByteCount, sglWords, simpleSgl, validateSgl,
  type DmaBuffer, type Sgl, type SglElement,
} from './sgl';
export {
  AF_INET, CLOSED_LOCAL, CLOSED_PEER_FIN, CLOSED_RESET, COMPLETABLE_OPS, COMPLETE_LAYOUT, EVENT_LAYOUTS, REQUEST_LAYOUTS,
  SOCK_DGRAM, SOCK_STREAM, SOCKET_CLASS_NOTE, SOCKET_ORG_ID, XFN, isRequestOp, xfnName,
  type CompletableOp, type PayloadWord, type SglUse, type SocketEventOp, type SocketLayout, type SocketRequestOp,
} from './socket-codes';
export {
  decodeSocketFrame, encodeSocketFrame, isSocketRequest, socketFromI2o, socketToI2o,
  type DecodedSocketFrame, type SocketEnvelope, type SocketMessage, type SocketReply, type SocketRequest,
} from './socket-class';
export { MfaFifo } from './mfa-fifo';
export { FrameSide, type FrameSideCounters } from './mu-side';
export { MuSignals } from './mu-signals';
export {
  DEFAULT_MU_CONFIG, MU_ACCESS, MessagingUnit,
  type MessagingUnitConfig, type MuAccess, type MuCounters, type MuOperation,
} from './messaging-unit';
export { dissectI2oFrame, type FieldNode } from './dissect';
export { formatI2oFrame, formatI2oMessage } from './print';
