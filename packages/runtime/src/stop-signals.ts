/**
 * Calls `stop` on SIGTERM or SIGINT and, when `withParent` (a service a supervisor such as
 * `cwtch dev` started with a pipe on its standard input), once that pipe closes: a supervisor
 * that dies without stopping its services, even by SIGKILL, takes them with it instead of
 * leaving them running without their region.
 */
export function onStopSignals(stop: (reason: string) => void, options: { withParent?: boolean } = {}): void {
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (!options.withParent) return;
  const gone = () => stop('supervisor gone');
  process.stdin.once('end', gone).once('close', gone).once('error', gone).resume();
}
