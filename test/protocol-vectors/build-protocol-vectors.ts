/**
 * Builds the protocol test vectors of docs/protocol-vectors.json from the code, with fixed keys and
 * fixed randomness: the envelope of cwtch1-vectors.json's first vector taken apart, the receipts
 * that answer it, the share-log entries that record them, the tree over those entries with an
 * inclusion and a consistency proof, and the log's signed checkpoint.
 */
import { readFileSync } from 'node:fs';
import {
  formatCheckpoint,
  formatVerifierKey,
  leafHash,
  MerkleTree,
  NoteKeyType,
  noteKeyId,
  parseSignedNote,
  signCheckpoint,
} from '@cwtch/audit-log';
import type { ReceiptBody } from '@cwtch/contracts';
import {
  authenticateCopy,
  b64uDecode,
  b64uEncode,
  type EnvelopeRouting,
  generateAgencyKeys,
  initCrypto,
  type RandomSource,
  sealEnvelope,
  sha256,
  signReceipt,
} from '@cwtch/crypto';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const unhex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return new Uint8Array(b);
};
const cat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

/** The envelope vector this file takes apart (the first of cwtch1-vectors.json). */
export const ENVELOPE_VECTORS = new URL(
  '../../packages/crypto/src/fixtures/cwtch1-vectors.json',
  import.meta.url,
);
/** Where the vectors are committed. */
export const PROTOCOL_VECTORS = new URL('../../docs/protocol-vectors.json', import.meta.url);

/** An agency of cwtch1-vectors.json, by the seeds its keys come from. */
type Party = Record<'agency' | 'signingSeed' | 'encryptionSeed', string>;
/** The members of a cwtch1-vectors.json vector that sealing reads. */
type EnvelopeVector = Pick<Vector, 'name' | 'plaintext' | 'routing'> & {
  sender: Party;
  recipients: Party[];
  random: Record<'id' | 'cek' | 'nonce', string> & { ephemeralSeeds: string[] };
};
type Vector = { name: string; plaintext: string; routing: EnvelopeRouting };

const LOG_ORIGIN = 'cwtch.example/audit/v1';
/** The log key's Ed25519 seed: SHA-256 of this label. */
const LOG_SEED_LABEL = 'cwtch protocol vector: log key';
const T0 = 1_767_225_600_000;

function keysOf(p: Party) {
  const keys = generateAgencyKeys({
    signingSeed: unhex(p.signingSeed),
    encryptionSeed: unhex(p.encryptionSeed),
  });
  return {
    keys,
    json: {
      agency: p.agency,
      signingSeed: p.signingSeed,
      signingPublicKey: hex(keys.signing.publicKey),
      signingKid: keys.signing.kid,
      encryptionSeed: p.encryptionSeed,
      encryptionSecretKey: hex(keys.encryption.secretKey),
      encryptionPublicKey: hex(keys.encryption.publicKey),
      encryptionKid: keys.encryption.kid,
    },
  };
}

/** Every vector, recomputed from the code. */
export async function buildProtocolVectors() {
  await initCrypto();
  const source = (JSON.parse(readFileSync(ENVELOPE_VECTORS, 'utf8')) as { vectors: EnvelopeVector[] })
    .vectors[0];
  if (source === undefined || source.recipients.length !== 1)
    throw new Error('cwtch1-vectors.json changed shape');
  const recipientParty = source.recipients[0] as Party;
  const sender = keysOf(source.sender);
  const recipient = keysOf(recipientParty);

  // The envelope, sealed again from the same inputs.
  const random: RandomSource = {
    messageId: () => unhex(source.random.id),
    contentKey: () => unhex(source.random.cek),
    nonce: () => unhex(source.random.nonce),
    ephemeralSeed: (i) => unhex(source.random.ephemeralSeeds[i] ?? ''),
  };
  const sealed = sealEnvelope({
    ...source.routing,
    plaintext: utf8(source.plaintext),
    sender: {
      agency: sender.json.agency,
      kid: sender.keys.signing.kid,
      signSecretKey: sender.keys.signing.secretKey,
    },
    recipients: [
      {
        agency: recipient.json.agency,
        kid: recipient.keys.encryption.kid,
        publicKey: recipient.keys.encryption.publicKey,
      },
    ],
    random,
  });
  const wire = JSON.parse(text(sealed.bytes)) as { h: string; k: string[]; c: string; s: string };
  const H = sealed.headerBytes;
  const sealedKey = b64uDecode(wire.k[0] as string);
  const envelopeSignature = b64uDecode(wire.s);
  const signingLabel = cat(utf8('CWTCH1-SIG'), new Uint8Array([0]));
  const envelope = {
    source: `packages/crypto/src/fixtures/cwtch1-vectors.json, vector "${source.name}"`,
    plaintext: source.plaintext,
    plaintextHex: hex(utf8(source.plaintext)),
    messageId: source.random.id,
    contentKey: source.random.cek,
    nonce: source.random.nonce,
    ephemeralSeed: source.random.ephemeralSeeds[0],
    keyCommitment: hex(b64uDecode(sealed.header.kc)),
    header: text(H),
    headerLength: H.length,
    sealedKey: hex(sealedKey),
    ciphertext: hex(b64uDecode(wire.c)),
    bodyHash: hex(sealed.bodyHash),
    signingInputPrefix: hex(cat(signingLabel, u32be(H.length))),
    signingInput: hex(cat(signingLabel, u32be(H.length), H, sealed.bodyHash)),
    signature: hex(envelopeSignature),
    envelope: text(sealed.bytes),
  };

  // Receipts (statements) the recipient signs in answer: delivered, then acknowledged.
  const receiptLabel = cat(utf8('CWTCH1-RCPT'), new Uint8Array([0]));
  const base = {
    v: 1,
    typ: 'cwtch.receipt.v1',
    id: sealed.id,
    by: { agency: recipient.json.agency, kid: recipient.keys.signing.kid },
    to: sender.json.agency,
    hh: b64uEncode(sha256(H)),
    b: b64uEncode(sealed.bodyHash),
  } as const;
  const bodies: ReceiptBody[] = [
    { ...base, status: 'delivered', at: T0 + 2_000, actor: null, reason: null },
    { ...base, status: 'acknowledged', at: T0 + 600_000, actor: 'Duty sergeant', reason: null },
  ];
  const receipts = bodies.map((body) => {
    const bytes = signReceipt(body, recipient.keys.signing.secretKey);
    const w = JSON.parse(text(bytes)) as { r: string; s: string };
    const R = b64uDecode(w.r);
    return {
      status: body.status,
      body: text(R),
      bodyLength: R.length,
      headerHash: hex(sha256(H)),
      signingInputPrefix: hex(cat(receiptLabel, u32be(R.length))),
      signingInput: hex(cat(receiptLabel, u32be(R.length), R)),
      signature: hex(b64uDecode(w.s)),
      wire: text(bytes),
    };
  });

  // Share-log entries: the share, both receipts and a refused copy (the first ciphertext byte flipped).
  const ciphertext = b64uDecode(wire.c);
  ciphertext[0] = (ciphertext[0] as number) ^ 0x01;
  const tampered = utf8(JSON.stringify({ ...wire, c: b64uEncode(ciphertext) }));
  const refusal = authenticateCopy(tampered, { to: recipient.json.agency, from: sender.json.agency }, () => ({
    publicKey: sender.keys.signing.publicKey,
  }));
  if (refusal.ok) throw new Error('the tampered copy verified');
  const share = `cwtch.share.${recipient.json.agency}.${sender.json.agency}`;
  const receiptSubject = `cwtch.receipt.${sender.json.agency}.${recipient.json.agency}`;
  const entryBodies = [
    { t: 'msg', src: { seq: 1, subj: share }, h: wire.h, b: b64uEncode(sealed.bodyHash), s: wire.s },
    ...receipts.map((r, n) => {
      const w = JSON.parse(r.wire) as { r: string; s: string };
      return { t: 'rcpt', src: { seq: 2 + n, subj: receiptSubject }, r: w.r, s: w.s };
    }),
    {
      t: 'reject',
      src: { seq: 4, subj: share },
      reason: refusal.code,
      sha256: b64uEncode(sha256(tampered)),
      id: null,
      from: null,
    },
  ];
  const times = [
    { bt: T0 + 5, ts: T0 + 40 },
    { bt: T0 + 2_010, ts: T0 + 2_050 },
    { bt: T0 + 600_020, ts: T0 + 600_090 },
    { bt: T0 + 700_000, ts: T0 + 700_030 },
  ];
  const tree = new MerkleTree();
  const entries = entryBodies.map((body, i) => {
    const { t, ...rest } = body;
    const { bt, ts } = times[i] as { bt: number; ts: number };
    // The writer's member order (services/audit/src/entries.ts, encodeEntry): v, t, i, ts, bt, then the rest.
    const bytes = utf8(JSON.stringify({ v: 1, t, i, ts, bt, ...rest }));
    tree.appendEntry(bytes);
    return { entry: text(bytes), leafHash: hex(leafHash(bytes)) };
  });
  const root = (n: number) => hex(tree.rootAt(n));
  const roots = { '1': root(1), '2': root(2), '3': root(3), '4': root(4) };

  // The log's signed checkpoint of the whole tree.
  const logKeys = generateAgencyKeys({ signingSeed: sha256(utf8(LOG_SEED_LABEL)) });
  const checkpointText = formatCheckpoint({ origin: LOG_ORIGIN, size: 4, root: tree.rootAt(4) });
  const signedNote = signCheckpoint(checkpointText, LOG_ORIGIN, logKeys.signing.secretKey);
  const parsed = parseSignedNote(signedNote);
  if (!parsed.ok) throw parsed.error;
  const noteSignature = parsed.value.signatures[0];
  if (noteSignature === undefined) throw new Error('no signature line');
  const keyId = noteKeyId(LOG_ORIGIN, NoteKeyType.ed25519, logKeys.signing.publicKey);
  const keyIdBytes = u32be(keyId);
  const signatureLine = signedNote.slice(checkpointText.length + 1, -1);
  const checkpoint = {
    origin: LOG_ORIGIN,
    size: 4,
    keySeedLabel: LOG_SEED_LABEL,
    keySeed: hex(sha256(utf8(LOG_SEED_LABEL))),
    publicKey: hex(logKeys.signing.publicKey),
    verifierKey: formatVerifierKey(LOG_ORIGIN, NoteKeyType.ed25519, logKeys.signing.publicKey),
    keyIdInput: hex(
      cat(utf8(`${LOG_ORIGIN}\n`), new Uint8Array([NoteKeyType.ed25519]), logKeys.signing.publicKey),
    ),
    keyId: hex(keyIdBytes),
    text: checkpointText,
    textHex: hex(utf8(checkpointText)),
    signature: hex(noteSignature.signature),
    signatureLine,
    signatureLineBytes: hex(cat(keyIdBytes, noteSignature.signature)),
    signedNote,
  };

  return {
    description:
      'Cwtch protocol test vectors (docs/protocol.md §10): bytes as lowercase hex, text as UTF-8 strings. Regenerate only on a deliberate wire-format change: node test/protocol-vectors/write-protocol-vectors.ts',
    keys: { sender: sender.json, recipient: recipient.json },
    envelope,
    receipts,
    log: {
      entries,
      roots,
      inclusion: { index: 1, size: 4, proof: tree.inclusionProof(1, 4).map(hex) },
      consistency: { first: 3, second: 4, proof: tree.consistencyProof(3, 4).map(hex) },
      checkpoint,
    },
  };
}
