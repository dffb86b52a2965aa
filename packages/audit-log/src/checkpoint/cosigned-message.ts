/** The message a witness signs (C2SP tlog-cosignature, Ed25519): header, time line, checkpoint text. */
export function cosignedMessage(text: string, time: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${time}\n${text}`, 'utf8');
}

/** Bytes of the big-endian timestamp that precedes the signature in a cosignature line. */
export const TIME_SIZE = 8;
