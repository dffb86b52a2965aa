/**
 * docs/protocol-vectors.json is what the code produces, byte for byte, and what docs/protocol.md
 * quotes: each vector is recomputed from the packages, checked with primitives that share nothing
 * with them, and shown to fail verification once a byte is flipped.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type NoteVerifierKey,
  parseVerifierKey,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion,
} from '@cwtch/audit-log';
import {
  b64uDecode,
  initCrypto,
  openEnvelope,
  parseEnvelope,
  parseReceipt,
  verifyEnvelope,
  verifyReceipt,
} from '@cwtch/crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProtocolVectors, PROTOCOL_VECTORS } from './protocol-vectors/build-protocol-vectors.ts';

type Vectors = Awaited<ReturnType<typeof buildProtocolVectors>>;
const vectors = JSON.parse(readFileSync(PROTOCOL_VECTORS, 'utf8')) as Vectors;
const doc = readFileSync(new URL('../docs/protocol.md', import.meta.url), 'utf8');

const unhex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const flip = (b: Uint8Array, at: number) => {
  const c = new Uint8Array(b);
  c[at] = (c[at] as number) ^ 0x01;
  return c;
};
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const ed25519Verify = (publicKey: string, message: Uint8Array, signature: string) =>
  verify(
    null,
    message,
    createPublicKey({ key: Buffer.concat([SPKI_ED25519, unhex(publicKey)]), format: 'der', type: 'spki' }),
    unhex(signature),
  );

const { keys, envelope, receipts, log } = vectors;
const senderKey = () => ({ publicKey: unhex(keys.sender.signingPublicKey) });
const recipientKey = () => ({ publicKey: unhex(keys.recipient.signingPublicKey) });

beforeAll(async () => {
  await initCrypto();
});

describe('docs/protocol-vectors.json', () => {
  it('is what the code computes now, byte for byte', async () => {
    const fresh = JSON.parse(JSON.stringify(await buildProtocolVectors())) as Vectors;
    expect(fresh, 'regenerate with: node test/protocol-vectors/write-protocol-vectors.ts').toEqual(vectors);
  });

  it('envelope: the parts add up, it verifies and opens, and a flipped byte fails', () => {
    const H = utf8(envelope.header);
    const W = unhex(envelope.sealedKey);
    const C = unhex(envelope.ciphertext);
    expect(W).toHaveLength(80);
    expect(C).toHaveLength(utf8(envelope.plaintext).length + 16);
    expect(hex(sha256(new Uint8Array([...W, ...C])))).toBe(envelope.bodyHash);
    const input = unhex(envelope.signingInput);
    expect(hex(input)).toBe(envelope.signingInputPrefix + hex(H) + envelope.bodyHash);
    expect(ed25519Verify(keys.sender.signingPublicKey, input, envelope.signature)).toBe(true);
    expect(ed25519Verify(keys.sender.signingPublicKey, flip(input, 20), envelope.signature)).toBe(false);

    const verified = verifyEnvelope(parseEnvelope(utf8(envelope.envelope)), { resolveSigningKey: senderKey });
    const opened = openEnvelope(verified, {
      me: {
        agency: keys.recipient.agency,
        kid: keys.recipient.encryptionKid,
        publicKey: unhex(keys.recipient.encryptionPublicKey),
        secretKey: unhex(keys.recipient.encryptionSecretKey),
      },
    });
    expect(new TextDecoder().decode(opened.plaintext)).toBe(envelope.plaintext);
    expect(hex(opened.cek)).toBe(envelope.contentKey);

    const wire = JSON.parse(envelope.envelope) as { s: string };
    const badSig = Buffer.from(flip(b64uDecode(wire.s), 0)).toString('base64url');
    const tampered = utf8(JSON.stringify({ ...JSON.parse(envelope.envelope), s: badSig }));
    expect(() => verifyEnvelope(parseEnvelope(tampered), { resolveSigningKey: senderKey })).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });

  it.each(receipts.map((r) => [r.status, r] as const))(
    'receipt %s: "CWTCH1-RCPT" || 0x00 || u32be(|R|) || R, verified, and a flipped byte fails',
    (_, r) => {
      const R = utf8(r.body);
      expect(R).toHaveLength(r.bodyLength);
      expect(r.signingInputPrefix).toBe(
        `${hex(utf8('CWTCH1-RCPT'))}00${R.length.toString(16).padStart(8, '0')}`,
      );
      expect(r.signingInput).toBe(r.signingInputPrefix + hex(R));
      const body = JSON.parse(r.body) as { hh: string; b: string };
      expect(hex(b64uDecode(body.hh))).toBe(hex(sha256(utf8(envelope.header))));
      expect(hex(b64uDecode(body.b))).toBe(envelope.bodyHash);
      expect(ed25519Verify(keys.recipient.signingPublicKey, unhex(r.signingInput), r.signature)).toBe(true);
      expect(verifyReceipt(parseReceipt(utf8(r.wire)), recipientKey).body).toEqual(JSON.parse(r.body));

      const wire = JSON.parse(r.wire) as { r: string; s: string };
      const otherStatus = utf8(r.body.replace(`"status":"${r.status}"`, '"status":"accepted"'));
      const forged = utf8(JSON.stringify({ r: Buffer.from(otherStatus).toString('base64url'), s: wire.s }));
      expect(() => verifyReceipt(parseReceipt(forged), recipientKey)).toThrow(
        expect.objectContaining({ code: 'RECEIPT_INVALID' }),
      );
      expect(
        ed25519Verify(keys.recipient.signingPublicKey, flip(unhex(r.signingInput), 13), r.signature),
      ).toBe(false);
    },
  );

  it('log: leaf hashes are SHA-256(0x00 || entry) over entries whose bt follows ts', () => {
    log.entries.forEach(({ entry, leafHash }, i) => {
      expect(hex(sha256(new Uint8Array([0, ...utf8(entry)])))).toBe(leafHash);
      expect(entry).toMatch(new RegExp(`^\\{"v":1,"t":"[a-z]+","i":${i},"ts":\\d+,"bt":\\d+,"`));
    });
    const node = (l: string, r: string) => hex(sha256(new Uint8Array([1, ...unhex(l), ...unhex(r)])));
    const [l0, l1, l2, l3] = log.entries.map((e) => e.leafHash) as [string, string, string, string];
    expect(log.roots).toEqual({
      '1': l0,
      '2': node(l0, l1),
      '3': node(node(l0, l1), l2),
      '4': node(node(l0, l1), node(l2, l3)),
    });
  });

  it('log: the inclusion and consistency proofs verify, and fail with a flipped byte', () => {
    const { index, size, proof } = log.inclusion;
    const leaf = unhex(log.entries[index]?.leafHash ?? '');
    const root = unhex(log.roots['4']);
    expect(verifyInclusion(leaf, index, size, proof.map(unhex), root)).toBe(true);
    expect(
      verifyInclusion(
        leaf,
        index,
        size,
        [flip(unhex(proof[0] ?? ''), 31), ...proof.slice(1).map(unhex)],
        root,
      ),
    ).toBe(false);
    const c = log.consistency;
    const [r1, r2] = [unhex(log.roots['3']), unhex(log.roots['4'])];
    expect(verifyConsistency(c.first, c.second, r1, r2, c.proof.map(unhex))).toBe(true);
    expect(verifyConsistency(c.first, c.second, r1, flip(r2, 0), c.proof.map(unhex))).toBe(false);
  });

  it('checkpoint: key id, signature line and note verify, and a flipped byte fails', () => {
    const cp = log.checkpoint;
    expect(cp.text).toBe(
      `${cp.origin}\n${cp.size}\n${Buffer.from(unhex(log.roots['4'])).toString('base64')}\n`,
    );
    expect(hex(utf8(cp.text))).toBe(cp.textHex);
    expect(hex(sha256(unhex(cp.keyIdInput)).subarray(0, 4))).toBe(cp.keyId);
    expect(cp.signatureLineBytes).toBe(cp.keyId + cp.signature);
    expect(cp.signatureLine).toBe(
      `\u2014 ${cp.origin} ${Buffer.from(unhex(cp.signatureLineBytes)).toString('base64')}`,
    );
    expect(cp.signedNote).toBe(`${cp.text}\n${cp.signatureLine}\n`);
    expect(ed25519Verify(cp.publicKey, utf8(cp.text), cp.signature)).toBe(true);

    const vkey = parseVerifierKey(cp.verifierKey);
    if (!vkey.ok) throw vkey.error;
    const key: NoteVerifierKey = { name: vkey.value.name, publicKey: vkey.value.publicKey };
    const ok = verifyCheckpoint(cp.signedNote, key);
    expect(ok.ok && hex(ok.value.checkpoint.root)).toBe(log.roots['4']);
    const badSize = cp.signedNote.replace(`\n${cp.size}\n`, `\n${cp.size + 1}\n`);
    expect(verifyCheckpoint(badSize, key).ok).toBe(false);
    const badSig = cp.signedNote.replace(
      cp.signatureLine,
      `\u2014 ${cp.origin} ${Buffer.from(flip(unhex(cp.signatureLineBytes), 10)).toString('base64')}`,
    );
    expect(verifyCheckpoint(badSig, key).ok).toBe(false);
  });
});

describe('docs/protocol.md §10 quotes the vectors', () => {
  const section = doc.slice(doc.indexOf('## 10.'));
  const values = JSON.stringify(vectors);

  it('has the walkthrough', () => {
    expect(section.length).toBeGreaterThan(1000);
  });

  it('every hex string in it comes from docs/protocol-vectors.json', () => {
    const quoted = [...section.matchAll(/\b[0-9a-f]{16,}\b/g)].map((m) => m[0]);
    expect(quoted.length).toBeGreaterThan(10);
    expect(quoted.filter((h) => !values.includes(h))).toEqual([]);
  });

  it('quotes every signature, leaf hash, root and proof hash, and the signed note verbatim', () => {
    const must = [
      envelope.signature,
      envelope.bodyHash,
      envelope.signingInputPrefix,
      ...receipts.flatMap((r) => [r.signature, r.signingInputPrefix]),
      ...log.entries.map((e) => e.leafHash),
      ...Object.values(log.roots),
      ...log.inclusion.proof,
      ...log.consistency.proof,
      log.checkpoint.keyId,
      log.checkpoint.signature,
      log.checkpoint.signedNote,
      receipts[0]?.body ?? '',
      log.entries[1]?.entry ?? '',
    ];
    expect(must.filter((m) => !section.includes(m))).toEqual([]);
  });
});
