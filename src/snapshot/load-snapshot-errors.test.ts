// A snapshot that is incomplete, malformed or inconsistent fails with a SnapshotError naming the file
// and the field, and saying what to do.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshot } from './load-snapshot';
import { SnapshotError } from './snapshot-error';
import { writeSnapshot } from './write-snapshot';
import { articleCaseB } from '../world/test-support';
import { caseBFiles, editJson, loadError, type Json } from './test-support';

describe('loadSnapshot errors', () => {
  it('names a missing required file and the command that produces it', () => {
    const files = caseBFiles();
    files.delete('aws/describe-subnets.json');
    const e = loadError(files);
    expect(e).toBeInstanceOf(SnapshotError);
    expect(e.name).toBe('SnapshotError');
    expect(e).toMatchObject({ file: 'aws/describe-subnets.json', field: '' });
    expect(e.message).toContain('aws/describe-subnets.json is missing');
    expect(e.message).toContain('aws ec2 describe-subnets --region <region> --output json > aws/describe-subnets.json');
  });

  it('names a missing NSX file and the API call that produces it', () => {
    const files = caseBFiles();
    files.delete('nsx/cgw-rules.json');
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'nsx/cgw-rules.json', field: '' });
    expect(e.message).toContain('GET <nsx_api_public_endpoint_url>/policy/api/v1/infra/domains/cgw/gateway-policies/default/rules');
  });

  it('reports truncated JSON with its position and asks for a new export', () => {
    const files = caseBFiles();
    const text = files.get('aws/describe-instances.json')!;
    files.set('aws/describe-instances.json', text.slice(0, Math.floor(text.length / 2)));
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'aws/describe-instances.json', field: '' });
    expect(e.message).toMatch(
      /^aws\/describe-instances\.json ends before the JSON is complete at line \d+, column \d+ \(the file looks truncated or empty\)/,
    );
    expect(e.message).toContain('Export the file again: aws ec2 describe-instances');
  });

  it('reports a syntax error in the middle of a file as invalid JSON', () => {
    const files = caseBFiles();
    files.set('nsx/segments.json', '{"results": [ {"id": "x",, } ]}\n');
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'nsx/segments.json', field: '' });
    expect(e.message).toMatch(/^nsx\/segments\.json is not valid JSON at line 1, column \d+/);
  });

  it('reports a value of the wrong type with its field path', () => {
    const files = editJson(caseBFiles(), 'aws/describe-vpcs.json', (j) => {
      j.Vpcs[0].IsDefault = 'no';
    });
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'aws/describe-vpcs.json', field: 'Vpcs[0].IsDefault' });
    expect(e.message).toBe(
      'aws/describe-vpcs.json: Vpcs[0].IsDefault: "no" should be a boolean, not a string. Fix it in the file, or export the file again: aws ec2 describe-vpcs --region <region> --output json > aws/describe-vpcs.json.',
    );
  });

  it('reports a missing field', () => {
    const files = editJson(caseBFiles(), 'aws/describe-instances.json', (j) => {
      delete j.Reservations[1].Instances[0].State;
    });
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'aws/describe-instances.json', field: 'Reservations[1].Instances[0].State' });
    expect(e.message).toContain('aws/describe-instances.json: Reservations[1].Instances[0].State is missing (expected an object)');
  });

  it('reports a bad CIDR in a security group rule', () => {
    const files = editJson(caseBFiles(), 'aws/describe-security-groups.json', (j) => {
      j.SecurityGroups[1].IpPermissions[0].IpRanges[0].CidrIp = '10.0.0/8';
    });
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'aws/describe-security-groups.json', field: 'SecurityGroups[1].IpPermissions[0].IpRanges[0].CidrIp' });
    expect(e.message).toMatch(
      /^aws\/describe-security-groups\.json: SecurityGroups\[1\]\.IpPermissions\[0\]\.IpRanges\[0\]\.CidrIp: "10\.0\.0\/8" is not an IPv4 CIDR\. Fix it in the file, or export the file again: aws ec2 describe-security-groups/,
    );
  });

  it('reports a bad IP address on an ENI', () => {
    const files = editJson(caseBFiles(), 'aws/describe-network-interfaces.json', (j) => {
      j.NetworkInterfaces[0].PrivateIpAddress = '172.31.16.300';
    });
    expect(loadError(files)).toMatchObject({
      file: 'aws/describe-network-interfaces.json',
      field: 'NetworkInterfaces[0].PrivateIpAddress',
    });
  });

  it('reports a value outside an enumeration with the accepted values', () => {
    const files = editJson(caseBFiles(), 'nsx/virtual-machines.json', (j) => {
      j.results[0].power_state = 'ON';
    });
    const e = loadError(files);
    expect(e).toMatchObject({ file: 'nsx/virtual-machines.json', field: 'results[0].power_state' });
    expect(e.message).toContain('"ON" should be one of "VM_RUNNING", "VM_STOPPED", "VM_SUSPENDED", "UNKNOWN"');
  });

  it.each([
    [
      'an instance subnet',
      'aws/describe-instances.json',
      (j: Json) => void (j.Reservations[0].Instances[0].SubnetId = 'subnet-0000000000000dead'),
      'Reservations[0].Instances[0].SubnetId',
      'aws/describe-subnets.json',
    ],
    [
      'the active ENI',
      'nsx/linked-vpcs.json',
      (j: Json) => void (j.results[0].active_eni = 'eni-0000000000000dead'),
      'results[0].active_eni',
      'aws/describe-network-interfaces.json',
    ],
  ])('reports a dangling reference: %s', (_what, file, edit, field, target) => {
    const e = loadError(editJson(caseBFiles(), file, edit));
    expect(e).toMatchObject({ file, field });
    expect(e.message).toContain(`${file}: ${field}: `);
    expect(e.message).toContain(`is not in ${target}`);
    expect(e.message).toContain('Export all files at the same time');
  });

  it('reports describe-security-group-rules.json disagreeing with describe-security-groups.json', () => {
    const files = editJson(caseBFiles(), 'aws/describe-security-group-rules.json', (j) => {
      j.SecurityGroupRules = j.SecurityGroupRules.filter((r: { IsEgress: boolean; GroupId: string }, k: number) => k !== 0);
    });
    const e = loadError(files);
    expect(e.file).toBe('aws/describe-security-groups.json');
    expect(e.field).toBe('SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[0]');
    expect(e.message).toContain(
      'has no entry in aws/describe-security-group-rules.json. The two files disagree: export both at the same time',
    );
  });

  it('reports a linked VPC without an active ENI in either field', () => {
    const e = loadError(
      editJson(caseBFiles(), 'nsx/linked-vpcs.json', (j) => {
        delete j.results[0].active_eni;
      }),
    );
    expect(e).toMatchObject({ file: 'nsx/linked-vpcs.json', field: 'results[0].active_eni' });
    expect(e.message).toContain('traffic_group_eni_mappings[0].eni');
  });

  it('reports a guest firewall keyed by nothing the snapshot holds', () => {
    const files = caseBFiles();
    files.set('guest-firewalls.json', JSON.stringify({ 'i-0000000000000dead': { defaultInbound: 'drop', rules: [] } }));
    expect(loadError(files)).toMatchObject({ file: 'guest-firewalls.json', field: 'i-0000000000000dead' });
  });

  it('reports a folder that does not exist', async () => {
    await expect(loadSnapshot('/nonexistent/vmc-reach-snapshot')).rejects.toMatchObject({
      name: 'SnapshotError',
      message: expect.stringContaining('does not exist'),
    });
  });

  it('reports a missing file of a folder on disk by its path relative to the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vmc-reach-snapshot-'));
    try {
      await writeSnapshot(articleCaseB(), dir, { description: 'b' });
      await writeFile(join(dir, 'manifest.json'), '{"region": "tokyo"}\n');
      await expect(loadSnapshot(dir)).rejects.toMatchObject({
        file: 'manifest.json',
        field: 'region',
        message: expect.stringContaining('is not an AWS region such as ap-northeast-1'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
