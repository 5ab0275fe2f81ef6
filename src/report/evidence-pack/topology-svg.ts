// The topology drawing as inline SVG: the connected VPC on the left (subnets with their instances, route
// tables in a column, the cross-link ENIs on the VPC's edge with the active one marked), the SDDC on the
// right (edge/CGW, segments with their VMs), and each probe drawn as a numbered path from its source to its
// destination: green when the engine says reachable, red and dashed when blocked, with a ✗ marker on the
// node of the blocking hop, amber and dotted when indeterminate, with a ? marker on each undecided hop. Containers are drawn first, then the paths, then the nodes over them, then
// the markers. Layout is computed here; every text goes through the `html` escaper.
import type { Hop, ResourceRef, Verdict } from '../../network';
import { html, type SafeHtml } from './html';
import type { TopologyModel } from './topology-model';

export interface DrawnProbe {
  n: number;
  label: string;
  from: { kind: 'instance' | 'vm'; id: string };
  to: { kind: 'instance' | 'vm'; id: string };
  verdict: Verdict | null;
}

interface Box { x: number; y: number; w: number; h: number }
const center = (b: Box): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];
const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const NODE_W = 150;
const NODE_H = 50;
const VPC_X = 10;
const RTB_X = 365;
const ENI_X = 550;
const SDDC_X = 705;

/** Where the blocking hop of a verdict is drawn: the key of a node of the drawing. */
export function blockNodeKey(v: Verdict, model: TopologyModel): string | undefined {
  const b = v.blockedBy;
  return b ? hopNodeKey(v, b.resource, v.hops[b.hopIndex], model) : undefined;
}

/** Where a hop (its resource) of a verdict is drawn: the key of a node of the drawing. */
export function hopNodeKey(v: Verdict, resource: ResourceRef, hop: Hop | undefined, model: TopologyModel): string | undefined {
  const instance = [v.source, v.destination].find((e) => e.kind === 'instance');
  switch (resource.type) {
    case 'instance': return `instance:${resource.id}`;
    case 'network-interface': return `eni:${resource.id}`;
    case 'route-table': return `rtb:${resource.id}`;
    case 'segment': return `segment:${resource.id}`;
    case 'vm': case 'guest-os': return `vm:${resource.id}`;
    case 'cgw-rule': case 'cgw-gateway-policy': case 'linked-vpc': return 'edge';
    case 'security-group':
      if (hop?.kind === 'eni-sg-ingress' || hop?.kind === 'eni-sg-egress') return `eni:${hop.via?.id ?? model.sddc?.activeEni ?? ''}`;
      return instance ? `instance:${instance.id}` : undefined;
    case 'network-acl': {
      const own = model.subnets.find((s) => s.naclId === resource.id && s.instances.some((i) => i.id === instance?.id));
      const any = own ?? model.subnets.find((s) => s.naclId === resource.id);
      return any ? `subnet:${any.id}` : undefined;
    }
    default: return undefined;
  }
}

interface Layout { nodes: Map<string, Box>; containers: SafeHtml[]; parts: SafeHtml[]; width: number; height: number }

function layout(model: TopologyModel): Layout {
  const nodes = new Map<string, Box>();
  const containers: SafeHtml[] = [];
  const parts: SafeHtml[] = [];
  // VPC: subnets with instances, two per row.
  let y = 50;
  const subnetParts: SafeHtml[] = [];
  const boxes: SafeHtml[] = [];
  for (const s of model.subnets) {
    const rows = Math.max(1, Math.ceil(s.instances.length / 2));
    const box: Box = { x: VPC_X + 15, y, w: 330, h: 62 + rows * (NODE_H + 10) };
    nodes.set(`subnet:${s.id}`, box);
    const rtb = model.routeTables.find((r) => r.id === s.routeTableId);
    boxes.push(html`<g class="subnet" data-id="${s.id}"><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="6"/>
<text x="${box.x + 8}" y="${box.y + 16}" class="title">${clip(`${s.name ? `${s.name} ` : ''}${s.id}`, 46)}</text>
<text x="${box.x + 8}" y="${box.y + 30}" class="sub">${s.cidr} · ${s.az}${s.naclId ? ` · NACL ${s.naclId}` : ''}</text>
<text x="${box.x + 8}" y="${box.y + 43}" class="sub">${rtb ? `${rtb.main ? 'main' : 'custom'} route table ${rtb.id}` : 'no route table'}</text></g>`);
    s.instances.forEach((i, k) => {
      const b: Box = { x: box.x + 10 + (k % 2) * (NODE_W + 10), y: box.y + 54 + Math.floor(k / 2) * (NODE_H + 10), w: NODE_W, h: NODE_H };
      nodes.set(`instance:${i.id}`, b);
      subnetParts.push(html`<g class="node instance" data-id="${i.id}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="4"/>
<text x="${b.x + 6}" y="${b.y + 15}" class="title">${clip(i.name, 22)}</text><text x="${b.x + 6}" y="${b.y + 29}" class="sub">${i.ip}${i.state === 'running' ? '' : ` · ${i.state}`}</text><text x="${b.x + 6}" y="${b.y + 42}" class="sub">${clip(i.id, 26)}</text></g>`);
    });
    y += box.h + 12;
  }
  // Route tables in a column.
  let ry = 50;
  const rtbParts: SafeHtml[] = [];
  for (const r of model.routeTables) {
    const shown = r.routes.slice(0, 4);
    const b: Box = { x: RTB_X, y: ry, w: 170, h: 36 + shown.length * 13 };
    nodes.set(`rtb:${r.id}`, b);
    rtbParts.push(html`<g class="node route-table ${r.main ? 'main' : 'custom'}" data-id="${r.id}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="4"/>
<text x="${b.x + 6}" y="${b.y + 15}" class="title">${r.main ? 'main' : 'custom'} route table</text><text x="${b.x + 6}" y="${b.y + 28}" class="sub">${r.id}</text>
${shown.map((rt, k) => html`<text x="${b.x + 6}" y="${b.y + 41 + k * 13}" class="route">${clip(rt, 29)}</text>`)}</g>`);
    ry += b.h + 12;
  }
  // Cross-link ENIs on the VPC's right edge.
  let ey = 50;
  const eniParts: SafeHtml[] = [];
  for (const e of model.enis) {
    const b: Box = { x: ENI_X, y: ey, w: 125, h: 40 };
    nodes.set(`eni:${e.id}`, b);
    eniParts.push(html`<g class="node eni${e.active ? ' active' : ''}" data-id="${e.id}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="4"/>
<text x="${b.x + 5}" y="${b.y + 15}" class="title">${e.active ? 'ENI ★ active' : 'ENI (standby)'}</text><text x="${b.x + 5}" y="${b.y + 30}" class="sub">${clip(e.id, 23)}</text></g>`);
    ey += 52;
  }
  const vpcH = Math.max(y, ry, ey) - 10;
  containers.push(html`<g class="vpc"><rect x="${VPC_X}" y="10" width="${ENI_X + 140 - VPC_X}" height="${vpcH}" rx="10"/>
<text x="${VPC_X + 12}" y="32" class="heading">connected VPC ${model.vpc?.id ?? '(not found)'} · ${model.vpc?.cidr ?? ''} · ${model.region}</text></g>`);
  containers.push(...boxes);
  parts.push(...subnetParts, ...rtbParts, ...eniParts);
  // SDDC: edge/CGW, then segments with VMs.
  const edge: Box = { x: SDDC_X + 20, y: 50, w: 320, h: 40 };
  nodes.set('edge', edge);
  let sy = edge.y + edge.h + 16;
  const segParts: SafeHtml[] = [];
  const sddcBoxes: SafeHtml[] = [];
  for (const s of model.segments) {
    const rows = Math.max(1, Math.ceil(s.vms.length / 2));
    const box: Box = { x: SDDC_X + 15, y: sy, w: 330, h: 40 + rows * (NODE_H + 10) };
    nodes.set(`segment:${s.path}`, box);
    sddcBoxes.push(html`<g class="segment${s.connected ? '' : ' disconnected'}" data-id="${s.path}"><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="6"/>
<text x="${box.x + 8}" y="${box.y + 16}" class="title">segment ${clip(s.name, 24)} · ${s.cidr}</text><text x="${box.x + 8}" y="${box.y + 30}" class="sub">${s.type}${s.connected ? '' : ' · disconnected'}</text></g>`);
    s.vms.forEach((v, k) => {
      const b: Box = { x: box.x + 10 + (k % 2) * (NODE_W + 10), y: box.y + 36 + Math.floor(k / 2) * (NODE_H + 10), w: NODE_W, h: NODE_H };
      nodes.set(`vm:${v.id}`, b);
      segParts.push(html`<g class="node vm${v.power === 'VM_RUNNING' ? '' : ' off'}" data-id="${v.id}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="4"/>
<text x="${b.x + 6}" y="${b.y + 15}" class="title">${clip(v.name, 22)}</text><text x="${b.x + 6}" y="${b.y + 29}" class="sub">${v.ip} · ${v.power === 'VM_RUNNING' ? 'on' : 'off'}</text><text x="${b.x + 6}" y="${b.y + 42}" class="sub">${clip(v.id, 26)}</text></g>`);
    });
    sy += box.h + 12;
  }
  containers.push(html`<g class="sddc"><rect x="${SDDC_X}" y="10" width="360" height="${sy - 10}" rx="10"/>
<text x="${SDDC_X + 12}" y="32" class="heading">SDDC ${model.sddc?.name ?? '(not found)'} · management ${model.sddc?.managementCidr ?? ''}</text></g>`);
  parts.push(html`<g class="node edge" data-id="edge"><rect x="${edge.x}" y="${edge.y}" width="${edge.w}" height="${edge.h}" rx="4"/>
<text x="${edge.x + 8}" y="${edge.y + 16}" class="title">SDDC edge · compute gateway (CGW firewall)</text><text x="${edge.x + 8}" y="${edge.y + 31}" class="sub">linked to the VPC through ${model.sddc?.activeEni ?? '?'}</text></g>`);
  containers.push(...sddcBoxes);
  parts.push(...segParts);
  return { nodes, containers, parts, width: SDDC_X + 370, height: Math.max(vpcH, sy) + 20 };
}

function waypoints(p: DrawnProbe, model: TopologyModel, nodes: Map<string, Box>): [number, number][] {
  const key = (e: DrawnProbe['from']): string => `${e.kind}:${e.id}`;
  const eni = nodes.get(`eni:${model.sddc?.activeEni ?? ''}`);
  const edge = nodes.get('edge');
  const chain: (Box | undefined)[] = [nodes.get(key(p.from))];
  if (p.from.kind === 'instance') {
    const subnet = model.subnets.find((s) => s.instances.some((i) => i.id === p.from.id));
    chain.push(nodes.get(`rtb:${subnet?.routeTableId ?? ''}`), eni, edge);
  } else {
    chain.push(edge, eni);
  }
  chain.push(nodes.get(key(p.to)));
  return chain.filter((b): b is Box => !!b).map(center);
}

export function renderTopologySvg(model: TopologyModel, probes: readonly DrawnProbe[]): SafeHtml {
  const { nodes, containers, parts, width, height } = layout(model);
  const paths = probes.map((p, k) => {
    const pts = waypoints(p, model, nodes).map(([x, y]) => [x + ((k % 5) - 2) * 4, y + ((k % 5) - 2) * 3] as const);
    if (pts.length < 2) return html``;
    const cls = !p.verdict ? 'unknown' : p.verdict.blockedBy ? 'blocked' : p.verdict.status === 'indeterminate' ? 'indeterminate' : 'reachable';
    const [sx, sy] = [(pts[0]![0] + pts[1]![0]) / 2, (pts[0]![1] + pts[1]![1]) / 2];
    return html`<g class="probe-path ${cls}" data-probe="${p.n}"><title>#${p.n} ${p.label}</title><polyline points="${pts.map(([x, y]) => `${x},${y}`).join(' ')}" marker-end="url(#arrow-${cls})"/>
<circle cx="${sx}" cy="${sy}" r="8"/><text x="${sx}" y="${sy + 4}" text-anchor="middle">${p.n}</text></g>`;
  });
  const stacked = new Map<string, number>();
  const markers = probes.flatMap((p) => {
    const k = p.verdict ? blockNodeKey(p.verdict, model) : undefined;
    const box = k ? nodes.get(k) : undefined;
    if (!p.verdict?.blockedBy || !box || !k) return [];
    const i = stacked.get(k) ?? 0;
    stacked.set(k, i + 1);
    const cx = box.x + box.w - 10 - i * 22;
    const cy = box.y - 2;
    const b = p.verdict.blockedBy;
    return [html`<g class="blocking-hop" data-probe="${p.n}" data-code="${b.code}" data-node="${k}"><title>probe #${p.n} blocked here: ${b.code} (${b.direction} path) at ${b.resource.id}</title>
<circle cx="${cx}" cy="${cy}" r="10"/><text x="${cx}" y="${cy + 5}" text-anchor="middle">✗</text><text x="${cx}" y="${cy - 13}" text-anchor="middle" class="marker-label">#${p.n}</text></g>`];
  });
  const undecided = probes.flatMap((p) => {
    const v = p.verdict;
    if (!v || v.status !== 'indeterminate') return [];
    return v.hops.flatMap((h, i) => {
      if (h.outcome !== 'indeterminate') return [];
      const k = hopNodeKey(v, h.resource, h, model);
      const box = k ? nodes.get(k) : undefined;
      if (!box || !k) return [];
      const j = stacked.get(k) ?? 0;
      stacked.set(k, j + 1);
      const cx = box.x + box.w - 10 - j * 22;
      const cy = box.y - 2;
      return [html`<g class="indeterminate-hop" data-probe="${p.n}" data-hop="${i + 1}" data-node="${k}"><title>probe #${p.n}: the data cannot decide ${h.kind} at ${h.resource.id}</title>
<circle cx="${cx}" cy="${cy}" r="10"/><text x="${cx}" y="${cy + 5}" text-anchor="middle">?</text><text x="${cx}" y="${cy - 13}" text-anchor="middle" class="marker-label">#${p.n}</text></g>`];
    });
  });
  const arrow = (cls: string) => html`<marker id="arrow-${cls}" class="arrow ${cls}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`;
  return html`<svg class="topology" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="topology of the connected VPC and the SDDC with the probed paths">
<defs>${['reachable', 'blocked', 'indeterminate', 'unknown'].map(arrow)}</defs>
${containers}${paths}${parts}${markers}${undecided}</svg>`;
}
