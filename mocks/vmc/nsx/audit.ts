// The NSX audit fields the world does not keep: `_create_time`, `_create_user`, `_last_modified_time`,
// `_last_modified_user` per policy path, and the `_revision` of the CGW gateway policy itself.
// Mock note: objects the world holds without a write through the mock (seeded worlds, snapshots)
// show the time the mock first rendered them and the user `system`.

export interface AuditEntry {
  createTime: number;
  createUser: string;
  lastModifiedTime: number;
  lastModifiedUser: string;
}

export class NsxAudit {
  private readonly entries = new Map<string, AuditEntry>();
  /** `_revision` of `/infra/domains/cgw/gateway-policies/default`, bumped by each whole-policy write. */
  policyRevision = 0;

  constructor(private readonly clock: () => number) {}

  /** Records a write of `path` by `user` (a create when the path is new). */
  written(path: string, user: string): void {
    const now = this.clock();
    const e = this.entries.get(path);
    if (e) {
      e.lastModifiedTime = now;
      e.lastModifiedUser = user;
    } else {
      this.entries.set(path, { createTime: now, createUser: user, lastModifiedTime: now, lastModifiedUser: user });
    }
  }

  deleted(path: string): void {
    this.entries.delete(path);
  }

  /** The audit fields of `path`, in NSX's JSON names (epoch milliseconds). */
  fields(path: string): { _create_time: number; _create_user: string; _last_modified_time: number; _last_modified_user: string } {
    let e = this.entries.get(path);
    if (!e) {
      const now = this.clock();
      e = { createTime: now, createUser: 'system', lastModifiedTime: now, lastModifiedUser: 'system' };
      this.entries.set(path, e);
    }
    return {
      _create_time: e.createTime,
      _create_user: e.createUser,
      _last_modified_time: e.lastModifiedTime,
      _last_modified_user: e.lastModifiedUser,
    };
  }
}
