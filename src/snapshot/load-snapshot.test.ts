// How loadSnapshot reads the services' JSON: what it takes from where, what it tolerates, what it ignores.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVpc, nameTag } from '../world';
import { loadSnapshot, worldFromSnapshotFiles } from './load-snapshot';
import { writeSnapshot } from './write-snapshot';
import { articleCaseB, dumpWorld } from '../world/test-support';
import { caseBFiles, editJson, snapshotView } from './test-support';

const load = worldFromSnapshotFiles;

describe('loadSnapshot', () => {
  it('ignores unknown files and unknown fields', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmc-reach-snapshot-'));
    try {
      await writeSnapshot(articleCaseB(), dir, { description: 'b' });
      const plain = await loadSnapshot(dir);
      await writeFile(join(dir, 'notes.txt'), 'customer said: ping fails from CJ-AWS02\n');
      await writeFile(join(dir, 'aws', 'describe-internet-gateways.json'), '{"InternetGateways": []}\n');
      await mkdir(join(dir, 'screenshots'));
      const path = join(dir, 'aws', 'describe-instances.json');
      const json = JSON.parse(await readFile(path, 'utf8'));
      json.Reservations[0].Instances[0].MetadataOptions = { HttpTokens: 'required' };
      json.Reservations[0].RequesterId = '123';
      json.NextToken = 'abc';
      await writeFile(path, JSON.stringify(json));
      expect(dumpWorld(await loadSnapshot(dir), snapshotView)).toEqual(dumpWorld(plain, snapshotView));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes the active cross-link ENI from traffic_group_eni_mappings when active_eni is absent', () => {
    const files = caseBFiles();
    const expected = load(files).nsx.linkedVpc!;
    const second = expected.crossLinkEniIds[1]!;
    const world = load(
      editJson(files, 'nsx/linked-vpcs.json', (j) => {
        delete j.results[0].active_eni;
        j.results[0].traffic_group_eni_mappings = [{ eni: second, traffic_group_id: 'tg-1', traffic_group_name: 'default' }];
      }),
    );
    expect(world.nsx.linkedVpc!.activeEni).toBe(second);
    expect(world.nsx.linkedVpc!.crossLinkEniIds).toEqual(expected.crossLinkEniIds);
  });

  it('finds the cross-link ENIs by their description "VMware VMC Interface" and keeps routes to a non-active one as they are', () => {
    const files = caseBFiles();
    const before = load(files).nsx.linkedVpc!;
    const [first, second] = before.crossLinkEniIds;
    // The export was taken right after an edge failover: NSX already names the second ENI, the route still targets the first.
    const world = load(editJson(files, 'nsx/linked-vpcs.json', (j) => void (j.results[0].active_eni = second)));
    expect(world.nsx.linkedVpc).toMatchObject({ activeEni: second, crossLinkEniIds: [first, second] });
    const main = world.ec2.routeTables.get(world.nsx.linkedVpc!.routeTableIds[0]!)!;
    expect(main.routes.find((r) => r.destinationCidrBlock === '192.168.100.0/24')!.networkInterfaceId).toBe(first);
  });

  it('reads every reservation of describe-instances, several instances each, and skips terminated ones', () => {
    const files = editJson(caseBFiles(), 'aws/describe-instances.json', (j) => {
      const [r0, r1] = j.Reservations;
      r0.Instances.push(...r1.Instances);
      r0.Instances.push({
        InstanceId: 'i-0000000000000gone',
        ImageId: 'ami-1',
        InstanceType: 't2.micro',
        State: { Code: 48, Name: 'terminated' },
        NetworkInterfaces: [],
        SecurityGroups: [],
      });
      return { Reservations: [r0, { ReservationId: 'r-empty', OwnerId: '123456789012', Instances: [] }] };
    });
    const names = [...load(files).ec2.instances.values()].map((i) => nameTag(i.tags));
    expect(names).toEqual(['CJ-AWS01', 'CJ-AWS02']);
  });

  it('takes instance fields from describe-instances: state, Name tag, subnet, address, primary ENI, instance profile, platform', () => {
    const files = editJson(caseBFiles(), 'aws/describe-instances.json', (j) => {
      const inst = j.Reservations[1].Instances[0];
      inst.State = { Code: 80, Name: 'stopped' };
      inst.Platform = 'windows';
    });
    const world = load(files);
    const aws02 = [...world.ec2.instances.values()].find((i) => nameTag(i.tags) === 'CJ-AWS02')!;
    const eni = world.ec2.networkInterfaces.get(aws02.networkInterfaceId)!;
    expect(aws02).toMatchObject({
      state: 'stopped',
      platform: 'windows',
      privateIpAddress: '172.31.16.21',
      launchTime: Date.parse('2019-12-23T01:40:00Z'),
    });
    expect(aws02.iamInstanceProfileArn).toMatch(/^arn:aws:iam::123456789012:instance-profile\//);
    expect(eni).toMatchObject({
      subnetId: aws02.subnetId,
      privateIpAddress: '172.31.16.21',
      attachment: { deviceIndex: 0, instanceId: aws02.instanceId },
    });
  });

  it('generates the same sgr- rule ids on every load when describe-security-group-rules.json is absent', () => {
    const files = caseBFiles();
    files.delete('aws/describe-security-group-rules.json');
    const ruleIds = () => [...load(files).ec2.securityGroups.values()].flatMap((g) => g.rules.map((r) => r.securityGroupRuleId));
    const first = ruleIds();
    expect(first.every((id) => /^sgr-[0-9a-f]{17}$/.test(id))).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(ruleIds()).toEqual(first);
  });

  it('takes rule ids from describe-security-group-rules.json when present', () => {
    const files = caseBFiles();
    const wanted = JSON.parse(files.get('aws/describe-security-group-rules.json')!).SecurityGroupRules.map(
      (r: { SecurityGroupRuleId: string }) => r.SecurityGroupRuleId,
    );
    const loaded = [...load(files).ec2.securityGroups.values()].flatMap((g) => g.rules.map((r) => r.securityGroupRuleId));
    expect(loaded).toEqual(wanted);
  });

  it('gives the same permissions with or without describe-security-group-rules.json', () => {
    const files = caseBFiles();
    const grants = (f: Map<string, string>) =>
      [...load(f).ec2.securityGroups.values()]
        .flatMap((g) => g.rules.map(({ securityGroupRuleId: _id, ...rest }) => JSON.stringify(rest)))
        .sort();
    const without = new Map(files);
    without.delete('aws/describe-security-group-rules.json');
    expect(grants(without)).toEqual(grants(files));
  });

  it('reads VMC-style regions and the management CIDR from resource_config.vpc_info', () => {
    const files = editJson(caseBFiles(), 'vmc/sddc.json', (j) => {
      j.resource_config.region = 'AP_NORTHEAST_1';
      j.resource_config.vpc_info = { vpc_cidr: j.resource_config.vpc_cidr };
      delete j.resource_config.vpc_cidr;
    });
    expect(load(files).nsx.sddc).toMatchObject({ region: 'ap-northeast-1', managementCidr: '10.2.0.0/16' });
  });

  it('loads without the optional files', () => {
    const files = caseBFiles();
    for (const f of ['vmc/sddc.json', 'aws/describe-security-group-rules.json', 'ssm/describe-instance-information.json']) files.delete(f);
    const world = load(files);
    expect(world.nsx.sddc).toBeUndefined();
    expect(world.ec2.instances.size).toBe(2);
    expect([...world.nsx.vms.values()][0]!.managedInstanceId).toBeUndefined();
  });

  it('drops VIF IPv6 addresses (the NSX model is IPv4)', () => {
    const files = editJson(caseBFiles(), 'nsx/vifs.json', (j) => {
      j.results[0].ip_address_info[0].ip_addresses.push('fe80::250:56ff:fe9a:1');
    });
    expect(dumpWorld(load(files), snapshotView)).toEqual(dumpWorld(load(caseBFiles()), snapshotView));
  });

  it('maps an SSM hybrid node to the VM with its address, or else its computer name', () => {
    const files = caseBFiles();
    const byIp = load(files);
    expect([...byIp.nsx.vms.values()][0]!.managedInstanceId).toMatch(/^mi-[0-9a-f]{17}$/);
    const byName = load(
      editJson(files, 'ssm/describe-instance-information.json', (j) => {
        j.InstanceInformationList[0].IPAddress = '10.99.99.99';
        j.InstanceInformationList[0].ComputerName = 'CJ-VM01.corp.example';
        j.InstanceInformationList.push({ InstanceId: 'mi-0aaaaaaaaaaaaaaaa', IPAddress: '10.1.1.1', ComputerName: 'onprem-db' });
      }),
    );
    expect([...byName.nsx.vms.values()].map((vm) => vm.managedInstanceId)).toEqual([[...byIp.nsx.vms.values()][0]!.managedInstanceId]);
  });

  it('adds the services of nsx/services.json, so rules may use them', () => {
    let files = editJson(caseBFiles(), 'nsx/cgw-rules.json', (j) => void (j.results[0].services = ['/infra/services/SMB']));
    files = new Map(files).set(
      'nsx/services.json',
      JSON.stringify({
        results: [
          {
            id: 'SMB',
            display_name: 'SMB',
            path: '/infra/services/SMB',
            service_entries: [
              { resource_type: 'L4PortSetServiceEntry', l4_protocol: 'TCP', destination_ports: ['445'] },
              { resource_type: 'ALGTypeServiceEntry', alg: 'FTP' },
            ],
          },
        ],
        result_count: 1,
      }),
    );
    expect(load(files).nsx.services.get('/infra/services/SMB')).toEqual({
      id: 'SMB',
      path: '/infra/services/SMB',
      displayName: 'SMB',
      entries: [
        { resourceType: 'L4PortSetServiceEntry', protocol: 'TCP', destinationPorts: ['445'] },
        { resourceType: 'ALGTypeServiceEntry', alg: 'FTP' },
      ],
    });
  });

  it('takes the account from the VPCs when the manifest has none', () => {
    const files = editJson(caseBFiles(), 'manifest.json', (j) => ({ region: j.region, description: j.description }));
    expect(load(files).accountId).toBe('123456789012');
  });

  it('gives the loaded world a seed of its own, so new resources do not reuse the snapshot ids', () => {
    const world = load(caseBFiles());
    const before = new Set([...world.ec2.vpcs.keys(), ...world.ec2.routeTables.keys(), ...world.ec2.securityGroups.keys()]);
    const vpc = createVpc(world, { cidrBlock: '10.50.0.0/16' });
    expect(before.has(vpc.vpcId)).toBe(false);
    expect(world.ec2.vpcs.size).toBe(2);
  });
});
