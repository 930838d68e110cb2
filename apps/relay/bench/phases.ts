/**
 * The bench's phases and `--only`: which of them a run measures. Each phase has its headline
 * ratio in the JSON report; a phase not selected leaves its section and ratio out.
 */

export const PHASES = ['ingest', 'delivery', 'scaleout', 'memory'] as const;
export type Phase = (typeof PHASES)[number];

/**
 * The phases `--only` selects: each value may list several, comma-separated (`--only ingest,memory`
 * or `--only ingest --only memory`); none given means every phase. Throws naming the unknown phase.
 */
export function selectPhases(only: readonly string[] | undefined): ReadonlySet<Phase> {
  const names = (only ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (names.length === 0) return new Set(PHASES);
  for (const name of names)
    if (!(PHASES as readonly string[]).includes(name))
      throw new Error(`--only: unknown phase '${name}' (phases: ${PHASES.join(', ')})`);
  // In PHASES order, so the report and the progress lines do not depend on how they were listed.
  return new Set(PHASES.filter((p) => names.includes(p)));
}
