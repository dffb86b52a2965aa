/**
 * HSalsa20 (Bernstein, "Extending the Salsa20 nonce", 2011) with the constant "expand 32-byte k":
 * from a 32-byte key and a 16-byte input, the 32 bytes `crypto_core_hsalsa20` gives, which NaCl's
 * `crypto_box_beforenm` applies to the X25519 shared secret (with a zero input). libsodium's
 * non-sumo WebAssembly build does not export it. Only additions, rotations and xors of 32-bit
 * words: no branch or table lookup depends on the key. `hsalsa20.test.ts` holds it against
 * libsodium's `crypto_box_beforenm`.
 */
export function hsalsa20(key: Uint8Array, input: Uint8Array): Uint8Array {
  if (key.length !== 32 || input.length !== 16)
    throw new RangeError('HSalsa20 takes a 32-byte key and a 16-byte input');
  const k = new DataView(key.buffer, key.byteOffset, 32);
  const n = new DataView(input.buffer, input.byteOffset, 16);
  const w = (v: DataView, i: number) => v.getUint32(i * 4, true);
  // "expa" "nd 3" "2-by" "te k" on the diagonal, key around it, input in the middle.
  const x = new Uint32Array([
    0x61707865,
    w(k, 0),
    w(k, 1),
    w(k, 2),
    w(k, 3),
    0x3320646e,
    w(n, 0),
    w(n, 1),
    w(n, 2),
    w(n, 3),
    0x79622d32,
    w(k, 4),
    w(k, 5),
    w(k, 6),
    w(k, 7),
    0x6b206574,
  ]);
  const quarter = (a: number, b: number, c: number, d: number) => {
    let t = (x[a]! + x[d]!) | 0;
    x[b]! ^= (t << 7) | (t >>> 25);
    t = (x[b]! + x[a]!) | 0;
    x[c]! ^= (t << 9) | (t >>> 23);
    t = (x[c]! + x[b]!) | 0;
    x[d]! ^= (t << 13) | (t >>> 19);
    t = (x[d]! + x[c]!) | 0;
    x[a]! ^= (t << 18) | (t >>> 14);
  };
  for (let round = 0; round < 20; round += 2) {
    // Columns, then rows.
    quarter(0, 4, 8, 12);
    quarter(5, 9, 13, 1);
    quarter(10, 14, 2, 6);
    quarter(15, 3, 7, 11);
    quarter(0, 1, 2, 3);
    quarter(5, 6, 7, 4);
    quarter(10, 11, 8, 9);
    quarter(15, 12, 13, 14);
  }
  const out = new Uint8Array(32);
  const o = new DataView(out.buffer);
  for (const [i, word] of [0, 5, 10, 15, 6, 7, 8, 9].entries()) o.setUint32(i * 4, x[word]!, true);
  x.fill(0);
  return out;
}
