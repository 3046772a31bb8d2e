import type { ComponentChildren } from 'preact';

/**
 * Fills `{name}` placeholders of a translated sentence with elements (a link, a bold number),
 * so word order stays the translator's in every language.
 */
export function Interpolated({ template, values }: { template: string; values: Record<string, ComponentChildren> }) {
  const parts = template.split(/\{(\w+)\}/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? (part in values ? values[part] : `{${part}}`) : part))}</>;
}
