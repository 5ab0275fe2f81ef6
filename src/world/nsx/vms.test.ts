// Unit tests for SDDC VMs: add, look up, power state.
import { World } from '../world';
import { expectWorldError, dumpWorld } from '../test-support';
import { addVm, getVm, listVms, setVmPowerState } from './vms';
import type { Vm } from './types';

const cjVm01: Vm = {
  externalId: '5001a1b2-0000-0000-0000-000000000001',
  displayName: 'CJ-VM01',
  powerState: 'VM_RUNNING',
  tags: [{ scope: 'role', tag: 'test' }],
  ipAddresses: ['192.168.100.10'],
};

describe('addVm', () => {
  it('adds a VM that can be looked up by external id', () => {
    const world = new World();
    addVm(world, cjVm01);
    expect(getVm(world, cjVm01.externalId)).toEqual(cjVm01);
    expect(listVms(world)).toEqual([cjVm01]);
  });

  it('keeps its own copy of the VM', () => {
    const world = new World();
    const vm = structuredClone(cjVm01);
    addVm(world, vm);
    vm.ipAddresses.push('192.168.100.11');
    expect(getVm(world, vm.externalId).ipAddresses).toEqual(['192.168.100.10']);
  });

  it('refuses a second VM with the same external id (500012)', () => {
    const world = new World();
    addVm(world, cjVm01);
    expectWorldError(world, () => addVm(world, { ...cjVm01, displayName: 'copy' }), {
      code: '500012',
      message: `A VM with external id ${cjVm01.externalId} already exists.`,
    });
  });

  it('refuses a VM with an address that is not IPv4, and adds nothing', () => {
    const world = new World();
    const before = dumpWorld(world);
    expect(() => addVm(world, { ...cjVm01, ipAddresses: ['fe80::1'] })).toThrow(
      new RangeError('VM CJ-VM01: fe80::1 is not an IPv4 address'),
    );
    expect(dumpWorld(world)).toEqual(before);
  });
});

describe('setVmPowerState', () => {
  it('changes the power state', () => {
    const world = new World();
    addVm(world, cjVm01);
    setVmPowerState(world, cjVm01.externalId, 'VM_STOPPED');
    expect(getVm(world, cjVm01.externalId).powerState).toBe('VM_STOPPED');
  });

  it('answers 404 for an unknown VM', () => {
    const world = new World();
    expectWorldError(world, () => setVmPowerState(world, 'nope', 'VM_STOPPED'), {
      code: '500090',
      message: 'virtual machine nope not found',
      httpStatus: 404,
    });
  });
});
