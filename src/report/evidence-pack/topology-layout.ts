// The geometry of the topology drawing, computed deterministically from the model and the legs (no
// layout library: the drawing is a fixed set of columns and a small channel router is shorter and more
// predictable than a general graph layout). Columns, left to right: the VPC's subnets (each instance a row,
// the subnet's route table beside its instances), channel 1, the cross-link ENIs, the VPC/SDDC border, the
// SDDC edge (the whole height), channel 3, the segments (each VM a row).
//
// Routing: each leg leaves its instance at its own slot (a y on a grid of PITCH), runs straight under the
// route table and out of the subnet, turns in channel 1 on its own vertical lane (lanes are given by the
// left-edge interval algorithm, so lanes never overlap), passes the ENI at its own slot (slots of the ENI
// sit half a pitch off the instances' grid, so no two legs share a horizontal run), runs straight through
// the edge, turns in channel 3 and reaches its VM at the VM's slot. Boxes are opaque and drawn over the
// lines, so a line only shows between boxes, and only in the channels and gaps (stubs) that belong to it.
// Markers (the probe number where a leg starts, ✗ where it stops, ? at an undecided hop) sit in the stub
// before the station they mark, on the leg's own slot: two markers never share a y in one stub.
import { FONT, fits, lineHeight, wrap } from './drawing-text';
import { stationKinds, type Leg, type ProbeDrawing, type StationKind } from './topology-legs';
import type { DrawnGroup, TopologyModel } from './topology-model';

export interface TextLine {
  text: string;
  x: number;
  y: number;
  size: number;
  cls: string;
}
export interface Box {
  key: string;
  kind: 'vpc' | 'sddc' | 'subnet' | 'segment' | 'instance' | 'rtb' | 'eni' | 'edge' | 'vm';
  x: number;
  y: number;
  w: number;
  h: number;
  parent?: string;
  lines: TextLine[];
  /** Extra classes (`active`, `main`, `off`, `disconnected`). */
  cls: string[];
  /** The resource id (`data-id`). */
  id: string;
  /** Rectangles drawn behind some lines (the default-SG mark). */
  marks: { x: number; y: number; w: number; h: number; cls: string }[];
}
export type Point = [number, number];
export interface Piece {
  from: string;
  to: string;
  points: Point[];
  undecided: boolean;
  arrow: boolean;
}
export type Zone = 'gapA' | 'ch1L' | 'ch1R' | 'ch2' | 'ch3L' | 'ch3R' | 'gapB';
export interface Pill {
  kind: 'start' | 'block' | 'undecided';
  x: number;
  y: number;
  station: number;
  zone: Zone;
}
export interface RoutedLeg {
  leg: Leg;
  pieces: Piece[];
  pills: Pill[];
}
export interface Layout {
  width: number;
  bottom: number;
  boxes: Box[];
  legs: RoutedLeg[];
}

export const PITCH = 26;
export const PILL_W = 38;
export const PILL_H = 20;
const M = 8;
const P = 12;
const STUB = 50;
const LANE = 12;
const GAP = 12;
const INST_W = 200;
const RTB_W = 200;
const ENI_W = 214;
const EDGE_W = 140;
const VM_W = 200;
const ENI_TO_EDGE = 58;
const PAD = 8;

interface Content {
  text: string;
  size: number;
  cls: string;
  mark?: string;
}

/** Lays out text lines in a box of width w from y0; returns the lines and the height used. */
function place(content: Content[], x: number, y0: number, w: number): { lines: TextLine[]; marks: Box['marks']; height: number } {
  const lines: TextLine[] = [];
  const marks: Box['marks'] = [];
  let y = y0 + PAD;
  for (const c of content) {
    const inner = w - 2 * PAD - (c.mark ? 8 : 0);
    const wrapped = wrap(c.text, fits(inner, c.size));
    const top = y;
    for (const t of wrapped) {
      y += lineHeight(c.size);
      lines.push({ text: t, x: x + PAD + (c.mark ? 4 : 0), y: y - Math.round(c.size * 0.3), size: c.size, cls: c.cls });
    }
    if (c.mark) marks.push({ x: x + PAD - 2, y: top + 1, w: w - 2 * PAD + 4, h: y - top + 2, cls: c.mark });
    if (c.mark) y += 3;
  }
  return { lines, marks, height: y - y0 + PAD - 2 };
}

const shortType: Partial<Record<string, string>> = {
  'security-group': 'SG',
  'network-acl': 'NACL',
  'route-table': 'route table',
  'cgw-rule': 'CGW rule',
  'cgw-gateway-policy': 'CGW policy',
  'dfw-rule': 'DFW rule',
  'dfw-policy': 'DFW policy',
  'guest-os': 'guest firewall of',
  'linked-vpc': 'linked VPC',
  'network-interface': 'ENI',
};

const gridUp = (v: number, offset: number): number => Math.ceil((v - offset) / PITCH) * PITCH + offset;

const groupLines = (groups: readonly DrawnGroup[], eni: boolean): Content[] => {
  if (!groups.length) return [{ text: 'security groups: none', size: FONT.text, cls: 'sg' }];
  return groups.flatMap((g): Content[] => [
    { text: `SG ${g.name ?? '(not in the data)'}${g.isDefault ? ' (VPC default)' : ''}`, size: FONT.text, cls: 'sg' },
    { text: g.id, size: FONT.text, cls: 'sg id' },
    ...(eni && g.isDefault
      ? [{ text: `wears the VPC default SG ${g.id}`, size: FONT.text, cls: 'default-sg-mark', mark: 'default-sg' }]
      : []),
  ]);
};

/** Which stations (indices in stationKinds) a leg reaches, in its travel order. */
export function travel(leg: Leg): number[] {
  const all = leg.dir === 'ltr' ? [0, 1, 2, 3, 4, 5, 6] : [6, 5, 4, 3, 2, 1, 0];
  if (leg.stop === null) return all;
  return all.slice(0, all.indexOf(leg.stop) + 1);
}

const at = (k: StationKind): number => stationKinds.indexOf(k);

export function layoutTopology(model: TopologyModel, drawings: readonly ProbeDrawing[]): Layout {
  const legs = drawings.flatMap((d) => d.legs);
  const reached = new Map(legs.map((l) => [l, new Set(travel(l))]));
  const needs = (l: Leg, ...k: StationKind[]): boolean => k.some((s) => reached.get(l)!.has(at(s)));
  const boxes: Box[] = [];
  const yI = new Map<Leg, number>();
  const yE = new Map<Leg, number>();
  const yV = new Map<Leg, number>();
  // each station that stops a leg says so in its box: which probe, stopped by what
  const notes = new Map<string, Content[]>();
  for (const l of legs) {
    if (l.stop === null || !l.blockHop) continue;
    const key = l.keys[stationKinds[l.stop]!];
    const r = l.blockHop.resource;
    const self = r.type === 'vm' || r.type === 'instance' || r.type === 'segment';
    const by = self ? `: ${l.probe.verdict?.blockedBy?.code ?? ''}` : ` by ${shortType[r.type] ?? r.type} ${r.name ?? r.id}`;
    const text = `✗ #${l.probe.n}${l.reply ? ' reply' : ''} stopped${by}`;
    notes.set(key, [...(notes.get(key) ?? []), { text, size: FONT.text, cls: 'block-note' }]);
  }
  const noted = (key: string): Content[] => notes.get(key) ?? [];

  // x of the columns that do not depend on the channels' lanes
  const subnetX = M + P;
  const instX = subnetX + PAD + 2;
  const rtbX = instX + INST_W + STUB;
  const subnetRight = rtbX + RTB_W + PAD + 2;
  const minVpcW = subnetRight - M + 2 * STUB + LANE + 8 + ENI_W + P;
  const minSddcW = P + EDGE_W + 2 * STUB + LANE + 8 + STUB + VM_W + 10 + P;
  const vpcHeading = wrap(
    `connected VPC ${model.vpc?.id ?? '(not found)'} · ${model.vpc?.cidr ?? ''} · ${model.region}`,
    fits(minVpcW - 2 * P, FONT.heading),
  );
  const sddcHeading = wrap(
    `SDDC ${model.sddc?.name ?? '(not found)'} · management ${model.sddc?.managementCidr ?? ''}`,
    fits(minSddcW - 2 * P, FONT.heading),
  );
  const contentTop = M + P + Math.max(vpcHeading.length, sddcHeading.length) * lineHeight(FONT.heading) + 10;

  // VPC side: subnets, their instances (a row each) and route table panels
  let y = contentTop;
  const vpcBoxes: Box[] = [];
  for (const s of model.subnets) {
    const header = place(
      [
        { text: s.name ? `subnet ${s.name}` : 'subnet', size: FONT.title, cls: 'title' },
        { text: `${s.id} · ${s.cidr} · ${s.az}`, size: FONT.text, cls: 'sub' },
        { text: s.naclId ? `NACL ${s.naclId}` : 'no NACL in the data', size: FONT.text, cls: 'sub nacl' },
        ...noted(`subnet:${s.id}`),
      ],
      subnetX,
      y,
      subnetRight - subnetX,
    );
    const top = y + header.height;
    let iy = top;
    for (const i of s.instances) {
      const mine = legs.filter((l) => l.keys.instance === `instance:${i.id}` && (needs(l, 'instance') || needs(l, 'subnet')));
      const text = place(
        [
          { text: i.name, size: FONT.title, cls: 'title' },
          { text: i.id, size: FONT.text, cls: 'sub id' },
          { text: `${i.ip}${i.state === 'running' ? '' : ` · ${i.state}`}`, size: FONT.text, cls: 'sub' },
          ...groupLines(i.groups, false),
          ...noted(`instance:${i.id}`),
        ],
        instX,
        iy,
        INST_W,
      );
      const first = gridUp(iy + 14, 0);
      mine.forEach((l, k) => yI.set(l, first + k * PITCH));
      const h = Math.max(text.height, mine.length ? first + (mine.length - 1) * PITCH + 14 - iy : 0);
      vpcBoxes.push({
        key: `instance:${i.id}`,
        kind: 'instance',
        x: instX,
        y: iy,
        w: INST_W,
        h,
        parent: `subnet:${s.id}`,
        lines: text.lines,
        marks: text.marks,
        cls: i.state === 'running' ? [] : ['off'],
        id: i.id,
      });
      iy += h + GAP;
    }
    const rtb = model.routeTables.find((r) => r.id === s.routeTableId);
    const rtbText = place(
      [
        { text: rtb ? `${rtb.main ? 'main' : 'custom'} route table` : 'no route table', size: FONT.title, cls: 'title' },
        ...(rtb ? [{ text: rtb.id, size: FONT.text, cls: 'sub id' }] : []),
        ...(rtb?.routes ?? []).map((r) => ({ text: r, size: FONT.text, cls: 'route' })),
        ...noted(`rtb:${s.routeTableId ?? 'none'}@${s.id}`),
      ],
      rtbX,
      top,
      RTB_W,
    );
    const innerH = Math.max(iy - GAP - top, rtbText.height);
    const subnetH = header.height + innerH + PAD + 2;
    boxes.push({
      key: `subnet:${s.id}`,
      kind: 'subnet',
      x: subnetX,
      y,
      w: subnetRight - subnetX,
      h: subnetH,
      parent: 'vpc',
      lines: header.lines,
      marks: [],
      cls: [],
      id: s.id,
    });
    vpcBoxes.push({
      key: `rtb:${s.routeTableId ?? 'none'}@${s.id}`,
      kind: 'rtb',
      x: rtbX,
      y: top,
      w: RTB_W,
      h: innerH,
      parent: `subnet:${s.id}`,
      lines: rtbText.lines,
      marks: [],
      cls: rtb ? [rtb.main ? 'main' : 'custom'] : [],
      id: rtb?.id ?? '',
    });
    y += subnetH + GAP;
  }
  const vpcSideBottom = y - GAP;

  // cross-link ENIs: the active one centred on the instances it carries, the others below it
  const enis = [...model.enis].sort((a, b) => Number(b.active) - Number(a.active));
  const eniBoxes: Omit<Box, 'x'>[] = [];
  let ey = contentTop;
  for (const e of enis) {
    const mine = legs
      .filter((l) => l.keys.eni === `eni:${e.id}` && needs(l, 'eni'))
      .sort((a, b) => (yI.get(a) ?? Infinity) - (yI.get(b) ?? Infinity));
    const content: Content[] = [
      { text: e.active ? 'cross-link ENI (active)' : 'cross-link ENI (standby)', size: FONT.title, cls: 'title' },
      { text: e.id, size: FONT.text, cls: 'sub id' },
      { text: `${e.ip} · ${e.subnetId}`, size: FONT.text, cls: 'sub' },
      ...groupLines(e.groups, true),
      ...noted(`eni:${e.id}`),
    ];
    const probe = place(content, 0, 0, ENI_W);
    const slotsH = mine.length ? (mine.length - 1) * PITCH + 28 : 0;
    let top = ey;
    if (e.active && mine.length) {
      const ys = mine.flatMap((l) => (yI.has(l) ? [yI.get(l)!] : []));
      const centre = ys.length ? (Math.min(...ys) + Math.max(...ys)) / 2 : contentTop;
      top = Math.max(ey, Math.round(centre - Math.max(probe.height, slotsH) / 2));
    }
    const text = place(content, 0, top, ENI_W);
    const first = gridUp(top + 14, PITCH / 2);
    mine.forEach((l, k) => yE.set(l, first + k * PITCH));
    const h = Math.max(text.height, mine.length ? first + (mine.length - 1) * PITCH + 14 - top : 0);
    eniBoxes.push({
      key: `eni:${e.id}`,
      kind: 'eni',
      y: top,
      w: ENI_W,
      h,
      parent: 'vpc',
      lines: text.lines,
      marks: text.marks,
      cls: e.active ? ['active'] : [],
      id: e.id,
    });
    ey = top + h + GAP;
  }
  const eniBottom = ey - GAP;

  // SDDC side: segments and their VMs (a row each)
  let sy = contentTop;
  const sddcBoxes: Omit<Box, 'x'>[] = [];
  const segBoxes: Omit<Box, 'x'>[] = [];
  const segW = STUB + VM_W + 10;
  for (const s of model.segments) {
    const header = place(
      [
        { text: `segment ${s.name}`, size: FONT.title, cls: 'title' },
        { text: `${s.cidr || 'no subnet'} · ${s.type}${s.connected ? '' : ' · disconnected'}`, size: FONT.text, cls: 'sub' },
        ...noted(`segment:${s.path}`),
      ],
      0,
      sy,
      segW,
    );
    let vy = sy + header.height;
    for (const v of s.vms) {
      const mine = legs
        .filter((l) => l.keys.vm === `vm:${v.id}` && needs(l, 'segment', 'vm'))
        .sort((a, b) => (yE.get(a) ?? Infinity) - (yE.get(b) ?? Infinity));
      const text = place(
        [
          { text: v.name, size: FONT.title, cls: 'title' },
          { text: v.id, size: FONT.text, cls: 'sub id' },
          { text: `${v.ip} · ${v.power === 'VM_RUNNING' ? 'on' : 'off'}`, size: FONT.text, cls: 'sub' },
          ...noted(`vm:${v.id}`),
        ],
        0,
        vy,
        VM_W,
      );
      const first = gridUp(vy + 14, 0);
      mine.forEach((l, k) => yV.set(l, first + k * PITCH));
      const h = Math.max(text.height, mine.length ? first + (mine.length - 1) * PITCH + 14 - vy : 0);
      sddcBoxes.push({
        key: `vm:${v.id}`,
        kind: 'vm',
        y: vy,
        w: VM_W,
        h,
        parent: `segment:${s.path}`,
        lines: text.lines,
        marks: [],
        cls: v.power === 'VM_RUNNING' ? [] : ['off'],
        id: v.id,
      });
      vy += h + GAP;
    }
    const h = vy - sy - (s.vms.length ? GAP : 0) + PAD + 2;
    segBoxes.push({
      key: `segment:${s.path}`,
      kind: 'segment',
      y: sy,
      w: segW,
      h,
      parent: 'sddc',
      lines: header.lines,
      marks: [],
      cls: s.connected ? [] : ['disconnected'],
      id: s.path,
    });
    sy += h + GAP;
  }
  const bottom = Math.max(vpcSideBottom, eniBottom, sy - GAP, contentTop + 60);

  // channels: one vertical lane per leg that turns there, by the left-edge algorithm
  const lanesOf = (items: { leg: Leg; lo: number; hi: number }[]): Map<Leg, number> => {
    const ends: number[] = [];
    const out = new Map<Leg, number>();
    for (const it of [...items].sort((a, b) => a.lo - b.lo || a.hi - b.hi)) {
      let lane = ends.findIndex((end) => end + 6 < it.lo);
      if (lane < 0) lane = ends.push(it.hi) - 1;
      ends[lane] = it.hi;
      out.set(it.leg, lane);
    }
    return out;
  };
  const span = (a: number, b: number): { lo: number; hi: number } => ({ lo: Math.min(a, b), hi: Math.max(a, b) });
  const ch1 = lanesOf(legs.filter((l) => yI.has(l) && yE.has(l)).map((l) => ({ leg: l, ...span(yI.get(l)!, yE.get(l)!) })));
  const ch3 = lanesOf(legs.filter((l) => yE.has(l) && yV.has(l)).map((l) => ({ leg: l, ...span(yE.get(l)!, yV.get(l)!) })));
  const width1 = Math.max(1, new Set(ch1.values()).size) * LANE + 8;
  const width3 = Math.max(1, new Set(ch3.values()).size) * LANE + 8;
  const eniX = subnetRight + STUB + width1 + STUB;
  const vpcRight = eniX + ENI_W + P;
  const edgeX = eniX + ENI_W + ENI_TO_EDGE;
  const sddcX = edgeX - P;
  const edgeRight = edgeX + EDGE_W;
  const segX = edgeRight + STUB + width3 + STUB;
  const vmX = segX + STUB;
  const sddcRight = segX + segW + P;
  const lane1 = (l: Leg): number => subnetRight + STUB + 4 + LANE / 2 + (ch1.get(l) ?? 0) * LANE;
  const lane3 = (l: Leg): number => edgeRight + STUB + 4 + LANE / 2 + (ch3.get(l) ?? 0) * LANE;

  const shift = (b: Omit<Box, 'x'>, x: number): Box => ({
    ...b,
    x,
    lines: b.lines.map((t) => ({ ...t, x: t.x + x })),
    marks: b.marks.map((m) => ({ ...m, x: m.x + x })),
  });
  boxes.unshift(
    {
      key: 'vpc',
      kind: 'vpc',
      x: M,
      y: M,
      w: vpcRight - M,
      h: bottom + P - M,
      lines: vpcHeading.map((t, k) => ({
        text: t,
        x: M + P,
        y: M + P + (k + 1) * lineHeight(FONT.heading) - 4,
        size: FONT.heading,
        cls: 'heading',
      })),
      marks: [],
      cls: [],
      id: model.vpc?.id ?? '',
    },
    {
      key: 'sddc',
      kind: 'sddc',
      x: sddcX,
      y: M,
      w: sddcRight - sddcX,
      h: bottom + P - M,
      lines: sddcHeading.map((t, k) => ({
        text: t,
        x: sddcX + P,
        y: M + P + (k + 1) * lineHeight(FONT.heading) - 4,
        size: FONT.heading,
        cls: 'heading',
      })),
      marks: [],
      cls: [],
      id: model.sddc?.name ?? '',
    },
  );
  boxes.push(...segBoxes.map((b) => shift(b, segX)));
  const edgeText = place(
    [
      { text: 'SDDC edge', size: FONT.title, cls: 'title' },
      { text: 'compute gateway', size: FONT.text, cls: 'sub' },
      { text: '(CGW firewall)', size: FONT.text, cls: 'sub' },
      ...noted('edge'),
    ],
    edgeX,
    contentTop,
    EDGE_W,
  );
  boxes.push(
    ...vpcBoxes,
    ...eniBoxes.map((b) => shift(b, eniX)),
    {
      key: 'edge',
      kind: 'edge',
      x: edgeX,
      y: contentTop,
      w: EDGE_W,
      h: bottom - contentTop,
      parent: 'sddc',
      lines: edgeText.lines,
      marks: [],
      cls: [],
      id: 'edge',
    },
    ...sddcBoxes.map((b) => shift(b, vmX)),
  );

  const zoneX: Record<Zone, number> = {
    gapA: instX + INST_W + STUB / 2,
    ch1L: subnetRight + STUB / 2,
    ch1R: eniX - STUB / 2,
    ch2: (eniX + ENI_W + edgeX) / 2,
    ch3L: edgeRight + STUB / 2,
    ch3R: segX - STUB / 2,
    gapB: segX + STUB / 2,
  };
  const routed = legs.map((leg) => route(leg));

  function zoneOf(station: number, dir: Leg['dir'], source: boolean): Zone {
    if (source) return dir === 'ltr' ? 'gapA' : 'gapB';
    const ltr: Zone[] = ['gapA', 'gapA', 'ch1L', 'ch1R', 'ch2', 'ch3R', 'gapB'];
    const rtl: Zone[] = ['gapA', 'ch1L', 'ch1L', 'ch2', 'ch3L', 'ch3R', 'gapB'];
    return (dir === 'ltr' ? ltr : rtl)[station]!;
  }

  function route(leg: Leg): RoutedLeg {
    const i = yI.get(leg);
    const e = yE.get(leg);
    const v = yV.get(leg);
    const k = leg.keys;
    const ltrPieces: (Point[] | null)[] = [
      i === undefined
        ? null
        : [
            [instX + INST_W, i],
            [rtbX, i],
          ],
      i === undefined
        ? null
        : [
            [rtbX + RTB_W, i],
            [subnetRight, i],
          ],
      i === undefined || e === undefined
        ? i === undefined
          ? null
          : [
              [subnetRight, i],
              [subnetRight + STUB, i],
            ]
        : [
            [subnetRight, i],
            [lane1(leg), i],
            [lane1(leg), e],
            [eniX, e],
          ],
      e === undefined
        ? null
        : [
            [eniX + ENI_W, e],
            [edgeX, e],
          ],
      e === undefined
        ? v === undefined
          ? null
          : [
              [edgeRight, v],
              [segX, v],
            ]
        : v === undefined
          ? [
              [edgeRight, e],
              [edgeRight + STUB, e],
            ]
          : [
              [edgeRight, e],
              [lane3(leg), e],
              [lane3(leg), v],
              [segX, v],
            ],
      v === undefined
        ? null
        : [
            [segX, v],
            [vmX, v],
          ],
    ];
    const full = leg.dir === 'ltr' ? [0, 1, 2, 3, 4, 5, 6] : [6, 5, 4, 3, 2, 1, 0];
    const stopPos = leg.stop === null ? full.length - 1 : full.indexOf(leg.stop);
    // an indeterminate leg is dotted after its first undecided hop; a blocked one stays solid to its ✗ (the
    // block is definite whatever the data could not decide before it)
    const firstUndecided =
      leg.cls !== 'indeterminate' ? Infinity : Math.min(...leg.undecided.map((u) => full.indexOf(u.station)).filter((p) => p <= stopPos));
    // the pieces traversed, plus the one after a stop (a stop's marker may sit past the station's border)
    const pieces: Piece[] = [];
    for (let p = 0; p < Math.min(stopPos + 1, full.length - 1); p++) {
      const a = full[p]!;
      const b = full[p + 1]!;
      const lo = Math.min(a, b);
      const pts = ltrPieces[lo];
      if (!pts) break;
      pieces.push({
        from: k[stationKinds[a]!],
        to: k[stationKinds[b]!],
        points: a < b ? pts : [...pts].reverse(),
        undecided: p >= firstUndecided,
        arrow: false,
      });
    }
    const pills: Pill[] = [];
    const yAt = (z: Zone): number | undefined => ({ gapA: i, ch1L: i, ch1R: e, ch2: e, ch3L: e ?? v, ch3R: v, gapB: v })[z];
    const addPill = (kind: Pill['kind'], station: number, source: boolean): Pill | undefined => {
      const zone = zoneOf(station, leg.dir, source);
      const py = yAt(zone);
      if (py === undefined || pills.some((x) => x.zone === zone)) return undefined;
      const pill: Pill = { kind, x: zoneX[zone], y: py, station, zone };
      pills.push(pill);
      return pill;
    };
    if (leg.stop !== null) {
      const pill = addPill('block', leg.stop, stopPos === 0);
      if (stopPos === 0) pieces.splice(0);
      else if (pill) cut(pieces, pill, leg.dir);
    } else if (pieces.length) {
      pieces[pieces.length - 1]!.arrow = true;
    }
    for (const u of leg.undecided) {
      const pos = full.indexOf(u.station);
      if (pos <= stopPos) addPill('undecided', u.station, pos === 0);
    }
    addPill('start', full[0]!, true);
    return { leg, pieces, pills };
  }

  return { width: sddcRight + M, bottom: bottom + P, boxes, legs: routed };
}

/** Ends the leg at the near edge of its stop marker: drops what lies beyond it. */
function cut(pieces: Piece[], pill: Pill, dir: Leg['dir']): void {
  const nearX = dir === 'ltr' ? pill.x - PILL_W / 2 : pill.x + PILL_W / 2;
  for (let p = 0; p < pieces.length; p++) {
    const pts = pieces[p]!.points;
    for (let s = 0; s + 1 < pts.length; s++) {
      const [a, b] = [pts[s]!, pts[s + 1]!];
      if (a[1] !== pill.y || b[1] !== pill.y) continue;
      if (Math.min(a[0], b[0]) - 0.01 <= nearX && nearX <= Math.max(a[0], b[0]) + 0.01) {
        pieces[p]!.points = [...pts.slice(0, s + 1), [nearX, pill.y]];
        pieces.splice(p + 1);
        return;
      }
    }
  }
}
