/**
 * Writes docs/protocol-vectors.json. Run it only on purpose (a wire-format change), then review the
 * diff and the hex in docs/protocol.md §10:
 *   node test/protocol-vectors/write-protocol-vectors.ts
 */
import { writeFileSync } from 'node:fs';
import { buildProtocolVectors, PROTOCOL_VECTORS } from './build-protocol-vectors.ts';

writeFileSync(PROTOCOL_VECTORS, `${JSON.stringify(await buildProtocolVectors(), null, 2)}\n`);
console.log(`wrote ${PROTOCOL_VECTORS.pathname}`);
