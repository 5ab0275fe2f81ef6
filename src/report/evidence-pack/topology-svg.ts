// The topology drawing as inline SVG that scales to the page (viewBox, width 100%): the boxes of
// topology-layout (VPC, subnets with their instances and route table, the cross-link ENIs with their
// security groups, the SDDC edge, segments and VMs), each probe's legs (green: reachable, solid to the
// arrow; red: solid up to the ✗ at the blocking hop, where it stops; amber: indeterminate, dotted after the
// ? at the hop the data cannot decide; a thin leg is the reply of a probe whose return path is blocked),
// and under the boxes a legend keyed by the probe numbers saying in words what each line shows. Lines are
// drawn first and the boxes over them; markers last. Every text goes through the `html` escaper.
import type { Hop } from '../../network';
import { FONT, fits, lineHeight, wrap } from './drawing-text';
import { html, type SafeHtml } from './html';
import { layoutTopology, PILL_H, PILL_W, type Box, type Pill, type RoutedLeg } from './topology-layout';
import { legsOf, stationKinds, type DrawnProbe, type Leg, type ProbeDrawing } from './topology-legs';
import type { TopologyModel } from './topology-model';

export type { DrawnProbe } from './topology-legs';

const M = 8;

const where: Record<(typeof stationKinds)[number], string> = {
  instance: 'the instance',
  rtb: "the subnet's route table",
  subnet: "the subnet's NACL",
  eni: 'the cross-link ENI',
  edge: 'the SDDC edge (CGW firewall)',
  segment: 'the segment',
  vm: 'the VM',
};

const protocolOf = (p: DrawnProbe): string => {
  const v = p.verdict;
  if (!v) return '';
  return ` · ${v.protocol.toUpperCase()}${v.port !== undefined ? ` ${v.port}` : ''}`;
};

const resource = (h: Hop): string => `${h.kind} on ${h.resource.type} ${h.resource.name ? `${h.resource.name} ` : ''}${h.resource.id}`;

function explain(d: ProbeDrawing, model: TopologyModel): string {
  const p = d.probe;
  const head = `${p.label}${protocolOf(p)}`;
  if (d.notDrawn) return `${head}: not drawn: ${d.notDrawn}`;
  const v = p.verdict;
  if (!v) return `${head}: no engine verdict (grey)`;
  if (v.blockedBy) {
    const leg = d.legs.find((l) => l.stop !== null)!;
    const hop = leg.blockHop!;
    const station = stationKinds[leg.stop!]!;
    const wears =
      hop.kind === 'eni-sg-ingress' && p.from.kind === 'instance'
        ? model.subnets.flatMap((s) => s.instances).find((i) => i.id === p.from.id)
        : undefined;
    const source = wears ? `; ${wears.name} wears ${wears.groups.map((g) => `SG ${g.name ?? ''} ${g.id}`).join(', ') || 'no SG'}` : '';
    const lead = v.blockedBy.direction === 'return' ? 'the request arrives, the reply is blocked at' : 'blocked at';
    return `${head}: ${lead} ${where[station]} (${v.blockedBy.code}): ${resource(hop)}: ${hop.detail}${source}`;
  }
  if (v.status === 'indeterminate') {
    return `${head}: indeterminate, the data cannot decide: ${v.assumptions.map((a) => `${a.hopKind} ${a.resource.name ?? a.resource.id} (${a.code}): ${a.what}`).join('; ')}`;
  }
  return `${head}: reachable, every hop allows`;
}

const boxSvg = (
  b: Box,
): SafeHtml => html`<g class="${[b.kind === 'vpc' || b.kind === 'sddc' || b.kind === 'subnet' || b.kind === 'segment' ? 'container' : 'node', b.kind, ...b.cls].join(' ')}" data-id="${b.id}" data-box="${b.key}" data-parent="${b.parent ?? ''}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="${b.kind === 'vpc' || b.kind === 'sddc' ? 10 : 5}"/>
${b.marks.map((m) => html`<rect class="mark ${m.cls}" x="${m.x}" y="${m.y}" width="${m.w}" height="${m.h}" rx="3"/>`)}${b.lines.map((t) => html`<text x="${t.x}" y="${t.y}" class="${t.cls}" font-size="${t.size}">${t.text}</text>`)}</g>`;

// The compatibility markup the other report tests read: `g.node.eni.active[data-id]`.
const nodeOrder = (b: Box): number => (['vpc', 'sddc', 'subnet', 'segment'].includes(b.kind) ? 0 : 1);

function pillSvg(p: Pill, leg: Leg, n: number): SafeHtml {
  const x = p.x - PILL_W / 2;
  const y = p.y - PILL_H / 2;
  const rect = html`<rect x="${x}" y="${y}" width="${PILL_W}" height="${PILL_H}" rx="${PILL_H / 2}"/>`;
  const key = leg.keys[stationKinds[p.station]!];
  if (p.kind === 'block') {
    const c = [x + 9, p.y];
    return html`<g class="marker blocking-hop" data-probe="${n}" data-code="${leg.probe.verdict?.blockedBy?.code ?? ''}" data-node="${key}" data-reply="${leg.reply ? 'yes' : 'no'}"><title>probe #${n}${leg.reply ? ' (its reply)' : ''} blocked here: ${leg.probe.verdict?.blockedBy?.code ?? ''} at ${leg.blockHop?.resource.id ?? ''}</title>${rect}<path d="M${c[0]! - 4},${c[1]! - 4} L${c[0]! + 4},${c[1]! + 4} M${c[0]! - 4},${c[1]! + 4} L${c[0]! + 4},${c[1]! - 4}"/><text x="${x + 26}" y="${p.y + 4}" text-anchor="middle" font-size="${FONT.text}">${n}</text></g>`;
  }
  if (p.kind === 'undecided') {
    const hops = leg.undecided.find((u) => u.station === p.station)?.hops ?? [];
    const first = hops[0] ? (leg.probe.verdict?.hops.indexOf(hops[0]) ?? -1) + 1 : 0;
    return html`<g class="marker indeterminate-hop" data-probe="${n}" data-hop="${first}" data-node="${key}"><title>probe #${n}: the data cannot decide ${hops.map((h) => `${h.kind} at ${h.resource.id}`).join(', ')}</title>${rect}<text x="${p.x}" y="${p.y + 4}" text-anchor="middle" font-size="${FONT.text}">?${n}</text></g>`;
  }
  return html`<g class="marker start ${leg.cls}${leg.reply ? ' reply' : ''}" data-probe="${n}" data-node="${key}"><title>probe #${n}${leg.reply ? ': its reply starts here' : ' starts here'}: ${leg.probe.label}</title>${rect}<text x="${p.x}" y="${p.y + 4}" text-anchor="middle" font-size="${FONT.text}">${leg.reply ? `${n}r` : `${n}`}</text></g>`;
}

function legSvg(r: RoutedLeg): SafeHtml {
  const l = r.leg;
  return html`<g class="probe-path ${l.cls}${l.reply ? ' reply' : ''}" data-probe="${l.probe.n}"><title>#${l.probe.n} ${l.probe.label}${l.reply ? ' (the reply)' : ''}</title>${r.pieces.map((p) => html`<polyline class="piece${p.undecided ? ' undecided' : ''}" data-from="${p.from}" data-to="${p.to}" points="${p.points.map(([x, y]) => `${x},${y}`).join(' ')}"${p.arrow ? html` marker-end="url(#arrow-${l.cls})"` : ''}/>`)}</g>`;
}

export function renderTopologySvg(model: TopologyModel, probes: readonly DrawnProbe[]): SafeHtml {
  const drawings = probes.map((p) => legsOf(model, p));
  const layout = layoutTopology(model, drawings);
  const W = layout.width;
  // the legend: what each line and marker means, then each probe by its number
  const textX = M + PILL_W + 16;
  const max = fits(W - textX - M - 8, FONT.text);
  let y = layout.bottom + 10;
  const legendTop = y;
  const key = wrap(
    'how to read the lines: green = reachable, solid to the arrow · red = blocked, solid up to the red marker at the blocking hop, where it stops · amber = indeterminate, dotted after the ? marker at the hop the data cannot decide · grey = no verdict · a white tag N marks where probe N starts; Nr a reply of probe N, drawn back from its destination when only the reply is blocked · SG = security group',
    max + 4,
  );
  const keyLines = key.map((t) => {
    y += lineHeight(FONT.text);
    return html`<text x="${M + 8}" y="${y - 4}" class="sub" font-size="${FONT.text}">${t}</text>`;
  });
  y += 6;
  const entries = drawings.map((d) => {
    const lines = wrap(explain(d, model), max);
    const top = y;
    const cls = !d.probe.verdict
      ? 'unknown'
      : d.probe.verdict.blockedBy
        ? 'blocked'
        : d.probe.verdict.status === 'indeterminate'
          ? 'indeterminate'
          : 'reachable';
    const pillY = top + 4 + PILL_H / 2;
    const texts = lines.map(
      (t, k) => html`<text x="${textX}" y="${top + (k + 1) * lineHeight(FONT.text) - 2}" font-size="${FONT.text}">${t}</text>`,
    );
    y = top + Math.max(PILL_H + 8, lines.length * lineHeight(FONT.text) + 6);
    return html`<g class="legend-entry ${cls}${d.notDrawn ? ' not-drawn' : ''}" data-probe="${d.probe.n}"><g class="marker legend-tag ${cls}"><rect x="${M + 8}" y="${pillY - PILL_H / 2}" width="${PILL_W}" height="${PILL_H}" rx="${PILL_H / 2}"/><text x="${M + 8 + PILL_W / 2}" y="${pillY + 4}" text-anchor="middle" font-size="${FONT.text}">${d.probe.n}</text></g>${texts}</g>`;
  });
  const height = y + 6 + M;
  const routed = layout.legs;
  const arrow = (cls: string): SafeHtml =>
    html`<marker id="arrow-${cls}" class="arrow ${cls}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`;
  const boxes = [...layout.boxes].sort((a, b) => nodeOrder(a) - nodeOrder(b));
  return html`<svg class="topology" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" role="img" aria-label="topology of the connected VPC and the SDDC with the probed paths">
<defs>${['reachable', 'blocked', 'indeterminate', 'unknown'].map(arrow)}</defs>
${boxes.filter((b) => nodeOrder(b) === 0).map(boxSvg)}
${routed.map(legSvg)}
${boxes.filter((b) => nodeOrder(b) === 1).map(boxSvg)}
${routed.flatMap((r) => r.pills.map((p) => pillSvg(p, r.leg, r.leg.probe.n)))}
<g class="legend" data-box="legend" data-parent=""><rect x="${M}" y="${legendTop}" width="${W - 2 * M}" height="${height - M - legendTop}" rx="6"/>${keyLines}${entries}</g>
</svg>`;
}
