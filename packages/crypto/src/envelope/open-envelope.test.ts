import { beforeAll, describe, expect, it } from 'vitest';
import { b64uEncode } from '../encoding/b64u-encode.ts';
import { initCrypto } from '../init-crypto.ts';
import {
  assemble,
  directory,
  type EnvelopeParts,
  expectCode,
  explode,
  fixedRandom,
  flip,
  meOf,
  recipientOf,
  routing,
  seedFrom,
  senderOf,
  type TestAgency,
  testAgency,
} from '../test-support.ts';
import { decryptWithDisclosedKey } from './decrypt-with-disclosed-key.ts';
import { keyCommitment } from './key-commitment.ts';
import { openEnvelope } from './open-envelope.ts';
import { parseEnvelope } from './parse-envelope.ts';
import { sealBox } from './seal-box.ts';
import { sealEnvelope } from './seal-envelope.ts';
import { verifyEnvelope } from './verify-envelope.ts';

let cs: TestAgency;
let police: TestAgency;
let health: TestAgency;
let education: TestAgency;
let rogue: TestAgency;
let original: Uint8Array;
const PLAINTEXT = new TextEncoder().encode('{"concern":"test"}');

function seal(label: string, recipients: TestAgency[] = [police, health, education]): Uint8Array {
  return sealEnvelope({
    ...routing(),
    plaintext: PLAINTEXT,
    sender: senderOf(cs),
    recipients: recipients.map(recipientOf),
    random: fixedRandom(label),
  }).bytes;
}

/** Parse, verify and open `bytes` as `me`, the way a recipient does. */
function receive(bytes: Uint8Array, me: TestAgency) {
  const verified = verifyEnvelope(parseEnvelope(bytes), {
    resolveSigningKey: directory([cs, police, health, education, rogue]),
  });
  return openEnvelope(verified, { me: meOf(me) });
}

function header(parts: EnvelopeParts) {
  return parts.header as {
    from: { agency: string; kid: string };
    to: { agency: string; kid: string }[];
    [member: string]: unknown;
  };
}

beforeAll(async () => {
  await initCrypto();
  [cs, police, health, education, rogue] = [
    'swansea-cs',
    'swansea-police',
    'swansea-health',
    'swansea-education',
    'rogue-agency',
  ].map(testAgency) as [TestAgency, TestAgency, TestAgency, TestAgency, TestAgency];
  original = seal('original');
});

interface Row {
  /** Row of the binding table (reference §2.7) and what is changed. */
  name: string;
  tamper: (p: EnvelopeParts) => void;
  /** Code when the tampered envelope keeps its signature. */
  unsigned: string;
  /** Code for the swansea-police recipient when the tampered envelope is re-signed by the sender's key. */
  resigned: string;
}

const rows: Row[] = [
  {
    name: 'from.agency',
    tamper: (p) => {
      header(p).from.agency = 'swansea-health';
    },
    unsigned: 'SENDER_KEY_UNKNOWN',
    resigned: 'SENDER_KEY_UNKNOWN',
  },
  {
    name: 'from.kid',
    tamper: (p) => {
      header(p).from.kid = police.keys.signing.kid;
    },
    unsigned: 'SENDER_KEY_UNKNOWN',
    resigned: 'SENDER_KEY_UNKNOWN',
  },
  {
    name: 'from (agency and kid of another directory member)',
    tamper: (p) => {
      header(p).from = { agency: 'swansea-health', kid: health.keys.signing.kid };
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'SIGNATURE_INVALID',
  },
  {
    name: 'to[i].agency',
    tamper: (p) => {
      header(p).to[1] = { agency: 'swansea-social', kid: health.keys.encryption.kid };
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  {
    name: 'to[i].kid (my own entry)',
    tamper: (p) => {
      header(p).to[0] = { agency: 'swansea-police', kid: health.keys.encryption.kid };
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'NOT_ADDRESSED_TO_ME',
  },
  {
    name: 'to order (header only)',
    tamper: (p) => {
      header(p).to.reverse();
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  {
    name: 'to order (header and wrapped keys together)',
    tamper: (p) => {
      header(p).to.reverse();
      p.k.reverse();
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  {
    name: 'to (a recipient dropped with its wrapped key)',
    tamper: (p) => {
      header(p).to.pop();
      p.k.pop();
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  {
    name: 'to (a recipient added with a wrapped key)',
    tamper: (p) => {
      header(p).to.push({ agency: 'rogue-agency', kid: rogue.keys.encryption.kid });
      p.k.push(sealBox(seedFrom('other cek'), rogue.keys.encryption.publicKey, seedFrom('x')));
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  ...(['id', 'iat', 'exp', 'n', 'kc'] as const).map(
    (member): Row => ({
      name: member,
      tamper: (p) => {
        const h = header(p);
        const value = h[member];
        h[member] =
          typeof value === 'number'
            ? value + (member === 'iat' ? -1 : 1)
            : `${String(value).slice(0, -2)}${String(value).endsWith('AA') ? 'BA' : 'AA'}`;
      },
      unsigned: 'SIGNATURE_INVALID',
      resigned: member === 'kc' ? 'KEY_COMMITMENT_MISMATCH' : 'DECRYPTION_FAILED',
    }),
  ),
  ...[0, 1, 2].map(
    (i): Row => ({
      name: `W_${i + 1}`,
      tamper: (p) => {
        p.k[i] = flip(p.k[i] ?? new Uint8Array(80), 40);
      },
      unsigned: 'SIGNATURE_INVALID',
      // Only the recipient whose key was changed notices once the sender re-signs.
      resigned: i === 0 ? 'DECRYPTION_FAILED' : 'OPENS',
    }),
  ),
  {
    name: 'C (first byte)',
    tamper: (p) => {
      p.c = flip(p.c, 0);
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  {
    name: 'C (tag byte)',
    tamper: (p) => {
      p.c = flip(p.c, p.c.length - 1, 0x80);
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'DECRYPTION_FAILED',
  },
  {
    name: 'S',
    tamper: (p) => {
      p.s = flip(p.s, 10);
    },
    unsigned: 'SIGNATURE_INVALID',
    resigned: 'OPENS',
  },
  ...(['kind', 'sv', 'agreement', 'purpose', 'basis', 'priority', 'respondBy', 'subject'] as const).map(
    (member): Row => ({
      name: `routing member ${member}`,
      tamper: (p) => {
        const replacements = {
          kind: 'other-kind',
          sv: 9,
          agreement: 'isa-other',
          purpose: 'other',
          basis: 'other',
          priority: 'routine',
          respondBy: 1,
          subject: b64uEncode(seedFrom('other subject')),
        };
        header(p)[member] = replacements[member];
      },
      unsigned: 'SIGNATURE_INVALID',
      resigned: 'DECRYPTION_FAILED',
    }),
  ),
];

describe('binding table (reference §2.7): every tampered field is refused', () => {
  it('the untouched envelope opens for every recipient (control)', () => {
    for (const r of [police, health, education]) expect(receive(original, r).plaintext).toEqual(PLAINTEXT);
  });

  it.each(rows.map((r) => [r.name, r] as const))(
    '%s, signature kept: refused by the signature check',
    (_, row) => {
      const parts = explode(original);
      row.tamper(parts);
      const bytes = assemble(parts);
      expect(bytes).not.toEqual(original);
      expectCode(() => receive(bytes, police), row.unsigned);
    },
  );

  it.each(rows.map((r) => [r.name, r] as const))(
    '%s, re-signed with the sender key: refused by AEAD, kc or addressing',
    (_, row) => {
      const parts = explode(original);
      row.tamper(parts);
      const bytes = assemble(parts, { signWith: cs.keys.signing.secretKey });
      if (row.resigned === 'OPENS') {
        expect(receive(bytes, police).plaintext).toEqual(PLAINTEXT);
      } else {
        expectCode(() => receive(bytes, police), row.resigned);
      }
    },
  );

  it('a re-signed W_i change is refused by the recipient it belongs to', () => {
    for (const [i, r] of [police, health, education].entries()) {
      const parts = explode(original);
      parts.k[i] = flip(parts.k[i] ?? new Uint8Array(80), 79);
      expectCode(
        () => receive(assemble(parts, { signWith: cs.keys.signing.secretKey }), r),
        'DECRYPTION_FAILED',
      );
    }
  });
});

describe('attacks of reference §2.5', () => {
  it('wrapped-key substitution from another message is refused (signature, then kc)', () => {
    const other = explode(seal('another message'));
    const parts = explode(original);
    parts.k[0] = other.k[0] ?? new Uint8Array(0);
    expectCode(() => receive(assemble(parts), police), 'SIGNATURE_INVALID');
    expectCode(
      () => receive(assemble(parts, { signWith: cs.keys.signing.secretKey }), police),
      'KEY_COMMITMENT_MISMATCH',
    );
  });

  it('recipient swaps: wrapped keys exchanged between two recipients are refused', () => {
    const parts = explode(original);
    [parts.k[0], parts.k[1]] = [parts.k[1] ?? new Uint8Array(0), parts.k[0] ?? new Uint8Array(0)];
    expectCode(() => receive(assemble(parts), police), 'SIGNATURE_INVALID');
    const resigned = assemble(parts, { signWith: cs.keys.signing.secretKey });
    expectCode(() => receive(resigned, police), 'DECRYPTION_FAILED');
    expectCode(() => receive(resigned, health), 'DECRYPTION_FAILED');
  });

  it('a recipient not listed cannot open, even with a wrapped key for it', () => {
    expectCode(() => receive(original, rogue), 'NOT_ADDRESSED_TO_ME');
    const rotated = { ...police, keys: { ...police.keys, encryption: health.keys.encryption } };
    expectCode(() => receive(original, rotated), 'NOT_ADDRESSED_TO_ME');
  });

  it('signature stripping: re-signing by another agency under the original sender name fails the signature', () => {
    const parts = explode(original);
    expectCode(
      () => receive(assemble(parts, { signWith: rogue.keys.signing.secretKey }), police),
      'SIGNATURE_INVALID',
    );
  });

  it('signature stripping: claiming authorship (from = rogue, signed by rogue) fails decryption', () => {
    const parts = explode(original);
    header(parts).from = { agency: 'rogue-agency', kid: rogue.keys.signing.kid };
    const bytes = assemble(parts, { signWith: rogue.keys.signing.secretKey });
    // The signature is valid for rogue, but `from` is in the associated data.
    expect(() =>
      verifyEnvelope(parseEnvelope(bytes), { resolveSigningKey: directory([rogue]) }),
    ).not.toThrow();
    expectCode(() => receive(bytes, police), 'DECRYPTION_FAILED');
  });

  it('surreptitious forwarding: a recipient re-wrapping the CEK to a third party is refused', () => {
    const { cek } = receive(original, police);
    const parts = explode(original);
    header(parts).to = [{ agency: 'rogue-agency', kid: rogue.keys.encryption.kid }];
    parts.k = [sealBox(cek, rogue.keys.encryption.publicKey, seedFrom('fwd'))];
    // Keeping the sender's signature fails; re-signing as the forwarder fails decryption.
    expectCode(() => receive(assemble(parts), rogue), 'SIGNATURE_INVALID');
    header(parts).from = { agency: 'swansea-police', kid: police.keys.signing.kid };
    expectCode(
      () => receive(assemble(parts, { signWith: police.keys.signing.secretKey }), rogue),
      'DECRYPTION_FAILED',
    );
  });

  it('equivocation: a different CEK wrapped for one recipient is caught by the key commitment', () => {
    const parts = explode(original);
    parts.k[1] = sealBox(seedFrom('second cek'), health.keys.encryption.publicKey, seedFrom('eq'));
    const bytes = assemble(parts, { signWith: cs.keys.signing.secretKey });
    expect(receive(bytes, police).plaintext).toEqual(PLAINTEXT);
    expectCode(() => receive(bytes, health), 'KEY_COMMITMENT_MISMATCH');
  });

  it('equivocation: a kc matching the second CEK makes the other recipients refuse instead', () => {
    const second = seedFrom('second cek');
    const parts = explode(original);
    header(parts).kc = b64uEncode(keyCommitment(second));
    parts.k[1] = sealBox(second, health.keys.encryption.publicKey, seedFrom('eq'));
    const bytes = assemble(parts, { signWith: cs.keys.signing.secretKey });
    expectCode(() => receive(bytes, police), 'KEY_COMMITMENT_MISMATCH');
    expectCode(() => receive(bytes, health), 'DECRYPTION_FAILED');
  });

  it('a re-signed 80-byte wrapped key that seals a 31-byte value (plus one byte) is refused', () => {
    const parts = explode(original);
    const short = sealBox(new Uint8Array(31), police.keys.encryption.publicKey, seedFrom('short'));
    parts.k[0] = new Uint8Array([...short, 0]);
    expectCode(
      () => receive(assemble(parts, { signWith: cs.keys.signing.secretKey }), police),
      'DECRYPTION_FAILED',
    );
  });
});

describe('decryptWithDisclosedKey', () => {
  it('decrypts with the disclosed CEK and refuses any other key', () => {
    const { cek } = receive(original, health);
    const verified = verifyEnvelope(parseEnvelope(original), { resolveSigningKey: directory([cs]) });
    expect(decryptWithDisclosedKey(verified, cek)).toEqual(PLAINTEXT);
    expectCode(() => decryptWithDisclosedKey(verified, flip(cek, 31)), 'KEY_COMMITMENT_MISMATCH');
    expectCode(() => decryptWithDisclosedKey(verified, cek.subarray(0, 16)), 'KEY_COMMITMENT_MISMATCH');
  });

  it('refuses a disclosed CEK that matches kc but not the ciphertext (associated data changed)', () => {
    const { cek } = receive(original, health);
    const parts = explode(original);
    header(parts).iat = (header(parts).iat as number) - 1;
    const bytes = assemble(parts, { signWith: cs.keys.signing.secretKey });
    const verified = verifyEnvelope(parseEnvelope(bytes), { resolveSigningKey: directory([cs]) });
    expectCode(() => decryptWithDisclosedKey(verified, cek), 'DECRYPTION_FAILED');
  });
});

describe('openEnvelope input checks', () => {
  it('refuses recipient keys of the wrong size', () => {
    const verified = verifyEnvelope(parseEnvelope(original), { resolveSigningKey: directory([cs]) });
    expectCode(
      () => openEnvelope(verified, { me: { ...meOf(police), secretKey: new Uint8Array(31) } }),
      'BAD_REQUEST',
    );
  });

  it('fails with the wrong secret key for a listed kid', () => {
    const verified = verifyEnvelope(parseEnvelope(original), { resolveSigningKey: directory([cs]) });
    const me = { ...meOf(police), secretKey: health.keys.encryption.secretKey };
    expectCode(() => openEnvelope(verified, { me }), 'DECRYPTION_FAILED');
  });
});
