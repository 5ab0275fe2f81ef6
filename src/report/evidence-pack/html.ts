// The one way the evidence pack makes HTML: the `html` tagged template escapes every interpolated value
// (text and attribute contexts alike: & < > " '), arrays are joined, and only fragments that were
// themselves built with `html` (SafeHtml) pass through unescaped. No data is ever concatenated raw.
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Joins fragments (already safe) with a separator. */
export const joinHtml = (parts: readonly SafeHtml[], sep = ''): SafeHtml => new SafeHtml(parts.map((p) => p.value).join(sep));
