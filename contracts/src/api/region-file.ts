import { z } from 'zod';

const Url = z.string().regex(/^(nats|tls|http|https):\/\/[^\s]+$/);

/**
 * `region.json`, written by `cwtch dev` once every part answers (DESIGN §9): where each service
 * is, its pid, demo tokens, each agency's NATS credentials, and the keys to pin.
 */
export const RegionFile = z
  .object({
    nats: z.object({
      /** One URL, or a comma-separated list for a cluster. */
      url: z.string().regex(/^(nats|tls):\/\/\S+$/),
      pid: z.number().int(),
      /** Each server of a cluster (or the one server). */
      nodes: z.array(z.object({ url: Url, pid: z.number().int() })).optional(),
    }),
    audit: z.object({ url: Url, pid: z.number().int(), token: z.string() }),
    agencies: z.record(
      z.string(),
      z.object({
        name: z.string(),
        connector: Url,
        pid: z.number().int(),
        tokens: z.object({ system: z.string(), frontdoor: z.string(), manager: z.string() }),
        natsCreds: z.string().nullable(),
        /** When the agency's connector runs behind its own leaf node (`cwtch dev --leaf`). */
        leaf: z
          .object({
            /** Where the connector connects: the leaf node, on loopback. */
            url: z.string().regex(/^nats:\/\/\S+$/),
            pid: z.number().int(),
            /** The leaf's JetStream domain, where its outbox stream is. */
            domain: z.string(),
          })
          .optional(),
      }),
    ),
    trust: z.object({
      governanceKey: z.string(),
      logKey: z.string(),
      /** The log's origin line and key name. */
      logOrigin: z.string().optional(),
      /** Pinned witness keys and how many cosignatures an auditor requires. */
      witnesses: z.array(z.object({ name: z.string(), publicKey: z.string() })).optional(),
      quorum: z.number().int().nonnegative().optional(),
    }),
    /**
     * In a federation (`cwtch dev --regions`): this region's name, and each other region it pins,
     * with that region's pinned governance key and its agencies admitted here (recipients a send
     * may name).
     */
    federation: z
      .object({
        region: z.string(),
        pins: z.record(z.string(), z.object({ governanceKey: z.string(), agencies: z.array(z.string()) })),
      })
      .optional(),
  })
  .meta({ id: 'RegionFile' });
export type RegionFile = z.infer<typeof RegionFile>;
