import { DEMO_HELP } from './commands/demo-month.ts';
import { EXAMPLE_HELP } from './commands/example.ts';

/** `cwtch`, `cwtch help`, `cwtch --help`: every command on a line or two. */
export const USAGE = `cwtch: the Cwtch command line

  cwtch dev [--data DIR] [--sync always|2m] [--tls] [--cluster N] [--demo]
                                                      start the demo region (default DIR .cwtch/dev);
                                                      --cluster N runs N NATS servers (replicas N);
                                                      --demo plays the stories of DESIGN §1 into it
                                                      --leaf AGENCY runs its connector behind a leaf node
  cwtch demo [--region FILE]                          play the demo stories into a running region
  cwtch demo --month [--region FILE] [--seed N]       a synthetic month of traffic (dozens of children,
                                                      hundreds of notifications; see cwtch demo --help)
  cwtch example [KIND] [--as-written]                 an example payload of KIND, dated today
  cwtch send --as AGENCY --kind KIND --file PAYLOAD.json [--to A,B] [--purpose P] [--region FILE]
  cwtch inbox --as AGENCY [--status new|acknowledged] [--json] [--region FILE]
  cwtch audit export [--region FILE] [--out BUNDLE]     an evidence bundle (JSON lines)
  cwtch audit verify BUNDLE [--trust FILE | --region FILE]   offline check; exit 1 on any finding
  cwtch audit disclose BUNDLE --id ID --key CONTENT-KEY     open exactly one disclosed share
  cwtch board send --month YYYY-MM [--region FILE] [--as AGENCY]   the board's figures, on demand
  cwtch bench [--mode both|durable|default] [--count N] [--rate R] [--seconds S] [--out DIR]
  cwtch directory show [--data DIR] [--json]
  cwtch directory rotate --agency A --use sig|enc [--overlap-days 7] [--data DIR]
  cwtch directory revoke --kid K --reason R [--at ISO-TIME] [--data DIR]
  cwtch directory publish [--data DIR]                publish the signed directory to the running region again
  cwtch backup --out DIR [--region FILE]              snapshot every JetStream stream of a running region
  cwtch restore --data DIR --from BACKUP              refill a stopped region's lost JetStream store

  --region FILE is a running region's region.json (default .cwtch/dev/region.json, written by
  cwtch dev); --data DIR stands for DIR/region.json. cwtch COMMAND --help says more.
`;

const REGION = `  --region FILE   region.json of the running region (default .cwtch/dev/region.json)
  --data DIR      the region's data folder instead: DIR/region.json
`;

const DEV_HELP = `cwtch dev [--data DIR] [--sync always|2m] [--tls] [--cluster N] [--demo] [--leaf AGENCY]
cwtch dev --regions wales,west-midlands [--data DIR] [--sync always|2m]

  Starts the demo region on this machine and supervises it until Ctrl-C: NATS JetStream, the
  audit service and a connector per demo agency. The first start makes keys, tokens and the
  signed directory in DIR; later starts reuse them. Writes DIR/region.json (every URL and token)
  once every part answers.

  --data DIR      where the region keeps its data (default .cwtch/dev)
  --sync S        JetStream's fsync interval: always (durable, the default) or a duration like 2m
  --tls           serve NATS over TLS with a CA made in DIR
  --cluster N     a loopback N-node JetStream cluster with N replicas (3 is the usual)
  --demo          play the stories of DESIGN §1 into the region once it is up
  --leaf AGENCY   run AGENCY's connector behind its own leaf node (repeat, or A,B): a nats-server
                  in DIR/agencies/AGENCY/leaf with JetStream domain cwtch-leaf-AGENCY, linked to
                  the region over mutual TLS; what the agency sends is stored there first and
                  reaches the region's SHARES by stream sourcing, so it keeps sending through a
                  link outage (one region server only). CWTCH_DEV_LEAF_HUB_URL (tests) points
                  the leaf nodes at a relay instead of the region's leaf-node listener, whose
                  port is in DIR/nats/leafnodes.json
  --regions A,B   two (or more) regions joined by a NATS gateway, each in DIR/REGION with its own
                  nats-server, governance key, directory, audit service, share log and connectors
                  (DIR/REGION/region.json for each): dudley-cs and west-midlands-police in
                  west-midlands, every other demo agency in wales. Each region pins the other's
                  governance key in a signed cross-region statement (cwtch directory show --data
                  DIR/REGION); missing-episode and out-of-area-move cross under the cross-border
                  agreement, and each share across is in both regions' logs
`;

const SEND_HELP = `cwtch send --as AGENCY --kind KIND --file PAYLOAD.json [--to A,B] [--purpose P] [--region FILE]

  Sends a notification as AGENCY through its connector, which validates the payload against the
  kind, routes it (or sends to --to), seals one copy per recipient and waits for the log. Prints
  the share id and its recipients as JSON. cwtch example KIND prints a payload to start from.

  --as AGENCY     the sending agency's id (cwtch directory show lists them)
  --kind KIND     the kind of notification, e.g. care-home-transition
  --file FILE     the payload, a JSON file
  --to A,B        recipients by agency id (default: routed by the directory's agreements)
  --purpose P     the lawful purpose, when the agreement allows more than one
${REGION}`;

const INBOX_HELP = `cwtch inbox --as AGENCY [--status new|acknowledged] [--json] [--region FILE]

  Lists AGENCY's inbox, newest first, one line per notification (or the full items as JSON).

  --as AGENCY     the receiving agency's id
  --status S      only new or only acknowledged notifications
  --json          the items as JSON
${REGION}`;

const AUDIT_HELP = `cwtch audit export|verify|disclose

  cwtch audit export [--region FILE] [--out BUNDLE] [--quorum N]
      fetches an evidence bundle (JSON lines: the signed directory history, every log entry,
      the cosigned checkpoints and their inclusion proofs) from the region's audit service into
      BUNDLE; without --out it goes to standard output, which must not be a terminal
  cwtch audit verify BUNDLE [--trust FILE | --region FILE]
      checks a bundle offline against pinned keys (a trust file, or region.json's trust block);
      prints a report and exits 1 on any finding
  cwtch audit disclose BUNDLE --id MESSAGE-ID --key CONTENT-KEY [--trust FILE | --region FILE]
      opens exactly one share with the content key a recipient disclosed, after checking that
      its ciphertext is the one in the cosigned log
`;

const BOARD_HELP = `cwtch board send --month YYYY-MM [--region FILE] [--as AGENCY[,AGENCY]]

  Each agency's connector computes its de-identified figures for the month at its edge (never
  a child's details), withholds counts under 5, and sends them to its safeguarding board as a
  signed board-statistics share. Without --as, every agency of the region that reports to a
  board sends; the board's connector merges them into its sheet (/board, GET /v1/board/sheet).
`;

const BENCH_HELP = `cwtch bench [--mode both|durable|default|none] [--count N] [--rate R] [--seconds S] [--scenarios LIST] [--agencies LIST] [--out DIR]

  Starts its own region and measures raw JetStream appends (one at a time with a window in flight,
  in atomic batches, and at each fixed rate's appends per second, the floor of the pipeline's
  latency at that rate) beside the full pipeline (sign, seal, log, deliver, receipt), with durable
  (fsync always) and default sync: one recipient at a fixed rate and at saturation, three
  recipients, and many agencies sending at once; CPU per notification and memory by process.
  Writes bench.json, bench.svg and bench.md to DIR; with the default DIR (docs/bench) it also
  rewrites the README's bench table, between its bench:start and bench:end markers.

  --mode M          both (default), durable, default, or none (only the scale curve)
  --count N         copies delivered in each saturation run (default 2000); the raw runs append 4N
  --rate R,R        fixed offered rates per second, one recipient, each its own run (default 100,200)
  --seconds S       how long the fixed-rate run offers its load (default 10)
  --concurrency C   sends in flight at saturation (default 64)
  --scenarios LIST  any of one,three,senders (default all three)
  --window W        raw JetStream: single publishes in flight (default 256)
  --batches LIST    raw JetStream: atomic batch shapes, SIZExIN-FLIGHT (default 100x4,500x2; a
                    size of at most 1000); the pipeline is compared with the fastest raw run
  --agencies LIST   a scale curve, such as 10,100,1000: a region of that many simulated agencies
                    (keys in a signed directory, an agreement per partnership, nkey users with
                    their agreement permissions, an inbox consumer each), nats-server and the
                    audit service as cwtch dev runs them; every agency connected, each sealing and
                    signing real shares to a partner, which opens and receipts them; durable. Off
                    by default. No connectors: the agencies speak to the bus themselves
  --scale-group G   simulated agencies per agreement (default 10)
  --scale-messages M  shares each simulated agency sends (default 5)
  --out DIR         where the report goes (default docs/bench)
`;

const DIRECTORY_HELP = `cwtch directory show|rotate|revoke|publish [--data DIR]

  cwtch directory show [--data DIR] [--json]
      the signed directory: agencies, the areas they serve, their keys and the agreements
  cwtch directory rotate --agency A --use sig|enc [--overlap-days 7] [--data DIR]
      a new signing or encryption key for agency A; the old one stays valid for the overlap
  cwtch directory revoke --kid K --reason R [--at ISO-TIME] [--data DIR]
      revokes key K from the given time (default now)
  cwtch directory publish [--data DIR]
      publishes the folder's signed directory to the running region again, after a change whose
      publish the region did not take (the change itself is saved either way)

  Every change is a new directory serial signed by the governance key, published to a running
  region on DIR and appended to the share log. A region that runs but does not take it is an
  error (exit 1) naming why; the change stays saved, not yet in force. --data DIR is the region's data folder (default
  .cwtch/dev).
`;

const BACKUP_HELP = `cwtch backup --out DIR [--region FILE | --data DIR]

  Snapshots every JetStream stream of a running region through JetStream's own snapshot API:
  SHARES, AUDIT, AUDIT_CHECKPOINTS, DEADLETTER, the directory's KV_cwtch-directory and any other,
  each with its consumers and their delivery state, every message's checksum checked first.
  Writes STREAM.snapshot per stream and manifest.json (each stream's message count, sequences,
  durable consumers, configuration and the sha256 of its file) into DIR, a new or empty folder;
  every file 0600. Connects with the operator's NATS key from the region's data folder.

  Each stream's snapshot is consistent, not the set of them: back up while the region is quiet
  (the share log caught up and its checkpoint cosigned), so the log and its sources agree.

  --out DIR       where the backup goes (refused when it is not empty)
${REGION}`;

const RESTORE_HELP = `cwtch restore --data DIR --from BACKUP

  Refills a region whose JetStream store was lost, from a backup made by cwtch backup. With the
  region stopped, checks every file of BACKUP against its manifest's sha256, starts the region's
  nats-server on DIR (only the operator may connect), restores every stream with its consumers,
  checks each one's message count, last sequence and durable consumers against the manifest, and
  stops. Then start the region again: cwtch dev --data DIR.

  Refuses, exit 1 and nothing changed, when a file does not match its checksum
  (BACKUP_CHECKSUM_MISMATCH), a stream of the backup already holds messages (STREAM_NOT_EMPTY),
  the region is running (REGION_RUNNING), or DIR has no operator key (OPERATOR_KEY_MISSING).

  --data DIR      the region's data folder (as given to cwtch dev)
  --from BACKUP   the backup folder (its manifest.json and snapshot files)
`;

/** Each command's `--help`. */
export const HELP: Readonly<Record<string, string>> = {
  dev: DEV_HELP,
  demo: DEMO_HELP,
  example: EXAMPLE_HELP,
  send: SEND_HELP,
  inbox: INBOX_HELP,
  audit: AUDIT_HELP,
  board: BOARD_HELP,
  bench: BENCH_HELP,
  directory: DIRECTORY_HELP,
  backup: BACKUP_HELP,
  restore: RESTORE_HELP,
};

/** Whether the arguments ask for help (`--help`, `-h`, or `help` as the verb). */
export function asksForHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h') || args[0] === 'help';
}
