// DescribeImages on the wire (`ImageId.N`, `Owner.N`, filters). Filters: image-id, name, description,
// owner-id, owner-alias, architecture, platform, platform-details, state, is-public, image-type,
// root-device-type, root-device-name, virtualization-type, hypervisor, tag:<k>, tag-key.
// Mock note: the catalogue is small (see src/world/ec2/images.ts); ExecutableBy is not modelled.
import { derivedHex, describeImages, type Image } from '../../../src/world';
import { items } from '../protocols/ec2-xml';
import { applyFilters, type FilterTable } from './filters';
import { page } from './paging';
import { operation, type Ec2OperationTable } from './operation';
import { tagSet, unsupported } from './render';

export const imageFilters: FilterTable<Image> = {
  'image-id': (i) => i.imageId,
  name: (i) => i.name,
  description: (i) => i.description,
  'owner-id': (i) => i.ownerId,
  'owner-alias': (i) => i.ownerAlias,
  architecture: (i) => i.architecture,
  platform: (i) => i.platform,
  'platform-details': (i) => i.platformDetails,
  state: () => 'available',
  'is-public': (i) => i.isPublic,
  'image-type': () => 'machine',
  'root-device-type': () => 'ebs',
  'root-device-name': (i) => i.rootDeviceName,
  'virtualization-type': () => 'hvm',
  hypervisor: () => 'xen',
};

const renderImage = (i: Image) => ({
  imageId: i.imageId,
  imageLocation: `${i.ownerAlias ?? i.ownerId}/${i.name}`,
  imageState: 'available',
  imageOwnerId: i.ownerId,
  creationDate: i.creationDate,
  isPublic: i.isPublic,
  architecture: i.architecture,
  imageType: 'machine',
  platform: i.platform,
  platformDetails: i.platformDetails,
  usageOperation: i.usageOperation,
  imageOwnerAlias: i.ownerAlias,
  name: i.name,
  description: i.description,
  rootDeviceType: 'ebs',
  rootDeviceName: i.rootDeviceName,
  blockDeviceMapping: items([
    {
      deviceName: i.rootDeviceName,
      ebs: {
        snapshotId: `snap-${derivedHex(i.imageId, 17)}`,
        volumeSize: i.platform === 'windows' ? 30 : 8,
        deleteOnTermination: true,
        volumeType: 'gp3',
        encrypted: false,
      },
    },
  ]),
  virtualizationType: 'hvm',
  hypervisor: 'xen',
  enaSupport: true,
  sriovNetSupport: 'simple',
  bootMode: i.architecture === 'arm64' ? 'uefi' : 'uefi-preferred',
  imdsSupport: 'v2.0',
  tagSet: tagSet(i.tags),
});

export const imageOperations: Ec2OperationTable = {
  DescribeImages: operation({
    parse: (p) => {
      unsupported(p, 'ExecutableBy', 'launch permissions are not modelled');
      p.bool('IncludeDeprecated');
      p.bool('IncludeDisabled');
      const maxResults = p.int('MaxResults');
      const nextToken = p.str('NextToken');
      return {
        ids: p.strings('ImageId'),
        owners: p.strings('Owner'),
        filters: p.filters(),
        ...(maxResults !== undefined ? { maxResults } : {}),
        ...(nextToken !== undefined ? { nextToken } : {}),
      };
    },
    run: ({ world }, input) => {
      const all = applyFilters(
        describeImages(world, { imageIds: input.ids, owners: input.owners }),
        input.filters,
        imageFilters,
        (i) => i.tags,
      );
      const { page: shown, nextToken } = page(all, input, { min: 1, max: 1000, ...(input.ids.length ? { idsGiven: 'imageIdSet' } : {}) });
      return { imagesSet: items(shown.map(renderImage)), nextToken };
    },
    notFound: () => ({ imagesSet: '' }),
  }),
};
