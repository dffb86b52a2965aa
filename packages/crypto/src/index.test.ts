import { describe, expect, it } from 'vitest';
import * as crypto from './index.ts';

describe('public face (src/index.ts)', () => {
  it('exports exactly the documented values and no internals', () => {
    expect(Object.keys(crypto).sort()).toEqual(
      [
        'DEFAULT_MAX_ENVELOPE_BYTES',
        'DEFAULT_MAX_TTL_MS',
        'DEFAULT_SKEW_MS',
        'PRIVATE_KEY_FILE_TYPE',
        'authenticateCopy',
        'b64uDecode',
        'b64uEncode',
        'checkTimes',
        'decryptWithDisclosedKey',
        'ed25519Sign',
        'ed25519Verify',
        'envelopeSigningInput',
        'fromJwk',
        'generateAgencyKeys',
        'initCrypto',
        'keyId',
        'nodeRandomSource',
        'openNote',
        'openEnvelope',
        'parseEnvelope',
        'parseLoggedShare',
        'parsePrivateKeyFile',
        'parseReceipt',
        'parseReceiptMembers',
        'receiptSigningInput',
        'sealEnvelope',
        'sealNote',
        'serialisePrivateKeyFile',
        'sha256',
        'signReceipt',
        'subjectReference',
        'toJwk',
        'verifyEnvelope',
        'verifyLoggedShare',
        'verifyParsedLoggedShare',
        'VerifiedSignatures',
        'verifyReceipt',
      ].sort(),
    );
  });
});
