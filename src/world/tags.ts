// Tags on AWS resources ({Key, Value}) and NSX objects ({scope, tag}), and the usual lookups on them.

export interface Tag {
  key: string;
  value: string;
}

export interface NsxTag {
  scope: string;
  tag: string;
}

/** The value of the AWS `Name` tag, if any. */
export const nameTag = (tags: readonly Tag[]): string | undefined => tags.find((t) => t.key === 'Name')?.value;

/** Applies CreateTags semantics: existing keys are overwritten, new keys appended. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = existing.map((t) => ({ ...t }));
  for (const t of added) {
    const found = out.find((o) => o.key === t.key);
    if (found) found.value = t.value;
    else out.push({ ...t });
  }
  return out;
}
