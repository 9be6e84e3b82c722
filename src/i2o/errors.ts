// The typed error every I2O codec and the messaging unit return instead of
// throwing. `field` names the field at fault, dotted ('header.messageSize',
// 'sgl[2].count', 'socket.handle'), so a test or the inspector can say exactly
// what was wrong with a frame.

export type I2oErrorKind =
  /** Fewer bytes than the header or MessageSize promise. */
  | 'truncated'
  /** MessageSize too small for the parts the header announces, or not a whole frame. */
  | 'bad-size'
  /** SGL offset inside the fixed part or beyond MessageSize. */
  | 'bad-sgl-offset'
  /** A Function, XFunctionCode or OrganizationID this codec does not know. */
  | 'unknown-function'
  /** VersionOffset's version nibble is not I2O 1.5. */
  | 'bad-version'
  /** A malformed scatter-gather list. */
  | 'bad-sgl'
  /** A valid I2O feature this lab does not implement (64-bit contexts). */
  | 'unsupported'
  /** A field value out of range (a 13-bit TID, a negative length). */
  | 'bad-field'
  /** The message does not fit the frame it must travel in. */
  | 'too-large'
  /** A messaging-unit operation on a frame in the wrong state, or an MFA it never issued. */
  | 'bad-mfa'
  /** A messaging-unit list is full. */
  | 'queue-full';

export interface I2oError {
  readonly i2oError: true;
  readonly kind: I2oErrorKind;
  readonly field: string;
  readonly detail: string;
}

export function i2oError(kind: I2oErrorKind, field: string, detail: string): I2oError {
  return { i2oError: true, kind, field, detail };
}

export function isI2oError(x: unknown): x is I2oError {
  return typeof x === 'object' && x !== null && (x as { i2oError?: unknown }).i2oError === true;
}
