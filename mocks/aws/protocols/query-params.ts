// EC2 Query request parameters: the flat form body (`IpPermissions.1.Groups.1.GroupId=sg-…`) read as a
// tree, with typed accessors that raise EC2's own errors (MissingParameter, InvalidParameterValue).
// Every value an operation reads is marked; what nobody read is reported as UnknownParameter, so a
// parameter the mock does not understand is never silently ignored.
import { ec2Error } from '../../../src/world';

interface Node {
  value?: string;
  children?: Map<string, Node>;
  used?: boolean;
}

function insert(root: Node, key: string, value: string): void {
  let node = root;
  for (const part of key.split('.')) {
    node.children ??= new Map();
    let next = node.children.get(part);
    if (!next) node.children.set(part, (next = {}));
    node = next;
  }
  node.value = value;
}

const isIndex = (s: string): boolean => /^[1-9]\d*$/.test(s);

export class QueryParams {
  private constructor(
    private readonly node: Node,
    /** The dotted path of this node, for error messages (`IpPermissions.1.`). */
    private readonly path: string,
  ) {}

  /** Parses an `application/x-www-form-urlencoded` body. */
  static fromBody(body: string): QueryParams {
    const root: Node = {};
    for (const [k, v] of new URLSearchParams(body)) insert(root, k, v);
    return new QueryParams(root, '');
  }

  private child(name: string): Node | undefined {
    return this.node.children?.get(name);
  }

  private leaf(name: string): string | undefined {
    const n = this.child(name);
    if (!n || n.value === undefined) return undefined;
    n.used = true;
    return n.value;
  }

  /** True when the parameter (or anything under it) was sent. */
  has(name: string): boolean {
    return this.child(name) !== undefined;
  }

  str(name: string): string | undefined {
    return this.leaf(name);
  }

  required(name: string): string {
    const v = this.leaf(name);
    if (v === undefined || v === '') throw ec2Error('MissingParameter', `The request must contain the parameter ${this.path}${name}`);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.leaf(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v))
      throw ec2Error('InvalidParameterValue', `Value (${v}) for parameter ${this.path}${name} is invalid. Expected an integer.`);
    return Number(v);
  }

  bool(name: string): boolean | undefined {
    const v = this.leaf(name);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false')
      throw ec2Error('InvalidParameterValue', `Value (${v}) for parameter ${this.path}${name} is invalid. Expected true or false.`);
    return v === 'true';
  }

  /** The `Name.N` entries of a list, in index order (1-based on the wire). */
  private entries(name: string): [string, Node][] {
    const n = this.child(name);
    if (!n) return [];
    if (n.value !== undefined)
      throw ec2Error('InvalidParameterValue', `Parameter ${this.path}${name} must be a list (${name}.1, ${name}.2, …).`);
    const out: [string, Node][] = [];
    for (const [k, c] of n.children ?? []) {
      if (!isIndex(k)) throw ec2Error('UnknownParameter', `The parameter ${this.path}${name}.${k} is not recognized`);
      out.push([k, c]);
    }
    return out.sort((a, b) => Number(a[0]) - Number(b[0]));
  }

  /** A list of scalars: `GroupId.1`, `GroupId.2`, … */
  strings(name: string): string[] {
    return this.entries(name).map(([k, c]) => {
      if (c.value === undefined) throw ec2Error('InvalidParameterValue', `Parameter ${this.path}${name}.${k} must be a value.`);
      c.used = true;
      return c.value;
    });
  }

  /** A list of structures: `IpPermissions.1.IpProtocol`, … */
  list(name: string): QueryParams[] {
    return this.entries(name).map(([k, c]) => new QueryParams(c, `${this.path}${name}.${k}.`));
  }

  /** A structure: `IamInstanceProfile.Arn`, … */
  struct(name: string): QueryParams | undefined {
    const n = this.child(name);
    return n ? new QueryParams(n, `${this.path}${name}.`) : undefined;
  }

  /** `Filter.N.Name` / `Filter.N.Value.N`. */
  filters(): Filter[] {
    return this.list('Filter').map((f) => ({ name: f.required('Name'), values: f.strings('Value') }));
  }

  /** The tags of the `TagSpecification.N` entries for `resourceType`; other resource types are refused. */
  tagSpecifications(allowed: readonly string[]): { resourceType: string; tags: { key: string; value: string }[] }[] {
    return this.list('TagSpecification').map((spec) => {
      const resourceType = spec.required('ResourceType');
      if (!allowed.includes(resourceType)) {
        throw ec2Error(
          'InvalidParameterValue',
          `'${resourceType}' is not a valid taggable resource type for this operation (use ${allowed.join(', ')}).`,
        );
      }
      return { resourceType, tags: spec.list('Tag').map((t) => ({ key: t.required('Key'), value: t.str('Value') ?? '' })) };
    });
  }

  /** Full names of the parameters nobody read. */
  unused(): string[] {
    const out: string[] = [];
    const walk = (n: Node, path: string): void => {
      if (n.value !== undefined && !n.used) out.push(path);
      for (const [k, c] of n.children ?? []) walk(c, path ? `${path}.${k}` : k);
    };
    walk(this.node, this.path.replace(/\.$/, ''));
    return out;
  }
}

export interface Filter {
  name: string;
  values: string[];
}
