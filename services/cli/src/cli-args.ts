/**
 * `args` with every `--name VALUE` of the given string options written `--name=VALUE`, so that a
 * value beginning with a dash (a base64url message id, content key or key id does, one time in
 * 64) reaches `parseArgs` as that option's value instead of being refused as ambiguous. A next
 * token that is one of `known` (an option of the command) is left alone, so a missing value is
 * still reported as one.
 */
export function joinDashValues(
  args: readonly string[],
  names: readonly string[],
  known: readonly string[],
): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = args[i + 1];
    const option = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (
      option !== undefined &&
      names.includes(option) &&
      value?.startsWith('-') &&
      value !== '--' &&
      !known.some((k) => value === `--${k}` || value.startsWith(`--${k}=`))
    ) {
      out.push(`${arg}=${value}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
