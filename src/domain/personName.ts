/**
 * NCA certificates carry names in capitals ("ТЕСТОВА АЙГЕРІМ СЕРІКҚЫЗЫ"); people read and write
 * them capitalised per word. A name that already mixes cases is left as its owner wrote it.
 */
export function displayPersonName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toLocaleUpperCase('kk')) return trimmed;
  return trimmed
    .toLocaleLowerCase('kk')
    .replace(/(^|[\s\-‑'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('kk'));
}

/**
 * A private person as the public may see them: the surname and initials ("Нұрланова А. С."),
 * as Kazakh courts publish names.
 */
export function publicPersonName(fullName: string): string {
  const [surname, ...rest] = displayPersonName(fullName).split(' ');
  return [surname, ...rest.map((part) => `${[...part][0] ?? ''}.`)].join(' ');
}
