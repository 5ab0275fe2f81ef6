// Images (AMIs): a small public catalogue per region (the AMIs that the SSM public parameters such as
// `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64` point at) plus the images the
// world's instances were launched from. Ids are derived from the region and the image name, so they
// are the same in every world of a region, as public AMI ids are.
// Mock note: the catalogue holds five images, not the thousands of public AMIs AWS lists; names and
// dates are fixed examples of the real naming schemes.
import { ec2Error } from '../errors';
import type { Tag } from '../tags';
import { derivedHex } from '../ids';
import type { World } from '../world';

export interface Image {
  imageId: string;
  name: string;
  description: string;
  ownerId: string;
  /** `amazon` for Amazon-owned public images. */
  ownerAlias?: string;
  isPublic: boolean;
  architecture: 'x86_64' | 'arm64';
  platform?: 'windows';
  platformDetails: 'Linux/UNIX' | 'Windows';
  usageOperation: string;
  creationDate: string;
  rootDeviceName: string;
  tags: Tag[];
  /** The OS as the SSM agent reports it (DescribeInstanceInformation PlatformName / PlatformVersion). */
  osName: string;
  osVersion: string;
  /** Public SSM parameters whose value is this image's id. */
  ssmParameters: string[];
}

const amazon = '137112412989';
const amazonWindows = '801119661308';
const canonical = '099720109477';

type CatalogueEntry = Omit<Image, 'imageId' | 'tags' | 'isPublic'>;

const catalogue: readonly CatalogueEntry[] = [
  {
    name: 'al2023-ami-2023.6.20241111.0-kernel-6.1-x86_64',
    description: 'Amazon Linux 2023 AMI 2023.6.20241111.0 x86_64 HVM kernel-6.1',
    ownerId: amazon,
    ownerAlias: 'amazon',
    architecture: 'x86_64',
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    creationDate: '2024-11-11T21:29:19.000Z',
    rootDeviceName: '/dev/xvda',
    osName: 'Amazon Linux',
    osVersion: '2023',
    ssmParameters: [
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-x86_64',
    ],
  },
  {
    name: 'al2023-ami-2023.6.20241111.0-kernel-6.1-arm64',
    description: 'Amazon Linux 2023 AMI 2023.6.20241111.0 arm64 HVM kernel-6.1',
    ownerId: amazon,
    ownerAlias: 'amazon',
    architecture: 'arm64',
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    creationDate: '2024-11-11T21:29:20.000Z',
    rootDeviceName: '/dev/xvda',
    osName: 'Amazon Linux',
    osVersion: '2023',
    ssmParameters: [
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64',
    ],
  },
  {
    name: 'amzn2-ami-hvm-2.0.20241113.1-x86_64-gp2',
    description: 'Amazon Linux 2 AMI 2.0.20241113.1 x86_64 HVM gp2',
    ownerId: amazon,
    ownerAlias: 'amazon',
    architecture: 'x86_64',
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    creationDate: '2024-11-13T19:31:52.000Z',
    rootDeviceName: '/dev/xvda',
    osName: 'Amazon Linux',
    osVersion: '2',
    ssmParameters: ['/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2'],
  },
  {
    name: 'Windows_Server-2022-English-Full-Base-2024.11.13',
    description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon',
    ownerId: amazonWindows,
    ownerAlias: 'amazon',
    architecture: 'x86_64',
    platform: 'windows',
    platformDetails: 'Windows',
    usageOperation: 'RunInstances:0002',
    creationDate: '2024-11-13T06:21:02.000Z',
    rootDeviceName: '/dev/sda1',
    osName: 'Microsoft Windows Server 2022 Datacenter',
    osVersion: '10.0.20348',
    ssmParameters: ['/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base'],
  },
  {
    name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20241109',
    description: 'Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2024-11-09',
    ownerId: canonical,
    architecture: 'x86_64',
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    creationDate: '2024-11-09T05:47:41.000Z',
    rootDeviceName: '/dev/sda1',
    osName: 'Ubuntu',
    osVersion: '22.04',
    ssmParameters: ['/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id'],
  },
];

const publicImages = new Map<string, Image[]>();

/** The public catalogue of a region (the same ids in every world of that region). */
export function publicImagesOf(region: string): Image[] {
  let list = publicImages.get(region);
  if (!list) {
    list = catalogue.map((c) => ({ ...c, imageId: `ami-${derivedHex(`${region}/${c.name}`, 17)}`, isPublic: true, tags: [] }));
    publicImages.set(region, list);
  }
  return list;
}

/** An image an instance of the world was launched from but that the catalogue lacks (a private image). */
function instanceImage(world: World, imageId: string, windows: boolean): Image {
  return {
    imageId,
    name: `image-${imageId.slice(4)}`,
    description: 'The image instances of this world were launched from (not in the mock public catalogue).',
    ownerId: world.accountId,
    isPublic: false,
    architecture: 'x86_64',
    ...(windows ? { platform: 'windows' as const } : {}),
    platformDetails: windows ? 'Windows' : 'Linux/UNIX',
    usageOperation: windows ? 'RunInstances:0002' : 'RunInstances',
    creationDate: '2019-12-01T00:00:00.000Z',
    rootDeviceName: windows ? '/dev/sda1' : '/dev/xvda',
    tags: [],
    osName: windows ? 'Microsoft Windows Server 2022 Datacenter' : 'Amazon Linux',
    osVersion: windows ? '10.0.20348' : '2023',
    ssmParameters: [],
  };
}

/** Every image the world knows: the region's public catalogue, then the images its instances use. */
export function allImages(world: World): Image[] {
  const out = [...publicImagesOf(world.region)];
  const known = new Set(out.map((i) => i.imageId));
  for (const inst of world.ec2.instances.values()) {
    if (known.has(inst.imageId)) continue;
    known.add(inst.imageId);
    out.push(instanceImage(world, inst.imageId, inst.platform === 'windows'));
  }
  return out;
}

/** The image, or undefined (no error). */
export const findImage = (world: World, imageId: string): Image | undefined => allImages(world).find((i) => i.imageId === imageId);

/** The image, or EC2's InvalidAMIID.Malformed / InvalidAMIID.NotFound. */
export function getImage(world: World, imageId: string): Image {
  if (!/^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(imageId))
    throw ec2Error('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  const image = findImage(world, imageId);
  if (!image) throw ec2Error('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  return image;
}

export interface DescribeImagesInput {
  imageIds?: readonly string[];
  /** `self`, `amazon`, or account ids. */
  owners?: readonly string[];
}

export function describeImages(world: World, input: DescribeImagesInput = {}): Image[] {
  let images = input.imageIds?.length ? input.imageIds.map((id) => getImage(world, id)) : allImages(world);
  if (input.owners?.length) {
    const owners = input.owners;
    images = images.filter((i) =>
      owners.some((o) => (o === 'self' ? i.ownerId === world.accountId : o === i.ownerAlias || o === i.ownerId)),
    );
  }
  return images;
}
