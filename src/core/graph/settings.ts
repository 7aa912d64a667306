// The indirect settings in force for a folder's maps (the `indirect:` key, contract §5.4), shared by the CLI and the
// editor so both follow the same imports the same distance.
import type { CxMap } from '../types';
import { DEFAULT_INDIRECT, type IndirectOptions } from './reach';

/**
 * The indirect settings of the maps (the `indirect:` key): the top-most map's maxHops and sharedAbove, and every
 * map's exclude globs anchored at its folder. `--max-hops` overrides.
 */
export function indirectSettings(
  maps: readonly CxMap[],
  maxHops: number | undefined,
): { options: IndirectOptions; exclude: string[] } {
  const options = { ...DEFAULT_INDIRECT };
  const exclude: string[] = [];
  const ordered = [...maps].sort(
    (a, b) => a.dir.split('/').length - b.dir.split('/').length || (a.dir < b.dir ? -1 : 1),
  );
  const top = ordered.find((m) => m.indirect !== undefined)?.indirect;
  if (top?.maxHops !== undefined) options.maxHops = top.maxHops;
  if (top?.sharedAbove !== undefined) options.sharedAbove = top.sharedAbove;
  for (const map of maps)
    for (const glob of map.indirect?.exclude ?? [])
      exclude.push(map.dir === '' ? glob.replace(/^\.?\//, '') : `${map.dir}/${glob.replace(/^\.?\//, '')}`);
  if (maxHops !== undefined) options.maxHops = maxHops;
  return { options, exclude };
}
