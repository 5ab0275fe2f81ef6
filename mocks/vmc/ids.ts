// Stable UUIDs the mock derives for things the world does not name (linked VPC object id, connected
// account id, VIF attachment ids), so the same world always shows the same ids.
import { createHash } from 'node:crypto';

export function derivedUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
