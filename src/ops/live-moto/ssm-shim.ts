// The loopback shim in front of moto (toolchain.md, "moto 5.2 as the independent AWS"): moto does not
// implement SSM DescribeInstanceInformation (HTTP 500 with an HTML page). The shim answers only that
// call: moto's running EC2 instances launched with an instance profile (Online, as an agent would be) and
// the SDDC VMs' hybrid nodes (`mi-…`) given to it; every other request is forwarded to moto unchanged.
// It listens on 127.0.0.1 only and forwards only to the moto URL it was given.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { DescribeInstancesCommand, type EC2Client } from '@aws-sdk/client-ec2';

export interface ShimNode {
  InstanceId: string;
  PingStatus: 'Online' | 'ConnectionLost' | 'Inactive';
  IPAddress?: string;
  PlatformType?: 'Linux' | 'Windows';
  ResourceType?: string;
  Name?: string;
}

export interface SsmShim {
  url: string;
  /** The hybrid nodes answered besides moto's instances (change them to test PingStatus handling). */
  hybridNodes: ShimNode[];
  /** How many DescribeInstanceInformation calls it answered. */
  answered: number;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

async function instanceNodes(ec2: EC2Client): Promise<ShimNode[]> {
  const r = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }));
  return (r.Reservations ?? [])
    .flatMap((res) => res.Instances ?? [])
    .filter((i) => i.IamInstanceProfile?.Arn && i.InstanceId)
    .map((i) => ({
      InstanceId: i.InstanceId!,
      PingStatus: 'Online' as const,
      ...(i.PrivateIpAddress ? { IPAddress: i.PrivateIpAddress } : {}),
      PlatformType: 'Linux' as const,
      ResourceType: 'EC2Instance',
    }));
}

/** The request's `InstanceIds` filter (or InstanceInformationFilterList), if any. */
function wantedIds(body: Record<string, unknown>): Set<string> | undefined {
  const filters = [
    ...((body.Filters as { Key?: string; Values?: string[] }[] | undefined) ?? []),
    ...((body.InstanceInformationFilterList as { key?: string; valueSet?: string[] }[] | undefined) ?? []).map((f) => ({
      Key: f.key === 'InstanceIds' ? 'InstanceIds' : f.key,
      Values: f.valueSet,
    })),
  ];
  const ids = filters.filter((f) => f.Key === 'InstanceIds').flatMap((f) => f.Values ?? []);
  return ids.length > 0 ? new Set(ids) : undefined;
}

export async function startSsmShim(o: { motoUrl: string; ec2: EC2Client; hybridNodes: ShimNode[] }): Promise<SsmShim> {
  const target = new URL(o.motoUrl);
  if (target.hostname !== '127.0.0.1') throw new Error(`the shim forwards to loopback only, not ${o.motoUrl}`);
  const shim: SsmShim = { url: '', hybridNodes: o.hybridNodes, answered: 0, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.headers['x-amz-target'] === 'AmazonSSM.DescribeInstanceInformation') {
        shim.answered++;
        const parsed = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
        const ids = wantedIds(parsed);
        const nodes = [...(await instanceNodes(o.ec2)), ...shim.hybridNodes].filter((n) => !ids || ids.has(n.InstanceId));
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `shim-${shim.answered}` });
        res.end(JSON.stringify({ InstanceInformationList: nodes }));
        return;
      }
      const fwd = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      fwd.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`shim: moto did not answer: ${e.message}`);
      });
      fwd.end(body);
    })().catch((e: Error) => {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InternalServerError', message: `shim: ${e.message}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  shim.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  shim.close = () => new Promise((resolve) => server.close(() => resolve()));
  return shim;
}
