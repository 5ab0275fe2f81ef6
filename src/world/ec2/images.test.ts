// Unit tests for the image catalogue: stable public ids per region, instance images, errors.
import { expectWorldError, newWorldWithVpc } from '../test-support';
import { World } from '../world';
import { describeImages, getImage, publicImagesOf } from './images';
import { runInstances } from './instances';

describe('images', () => {
  it('gives every world of a region the same public image ids, and other regions other ids', () => {
    const a = publicImagesOf('us-west-2').map((i) => i.imageId);
    expect(
      describeImages(new World({ seed: 9 }))
        .map((i) => i.imageId)
        .slice(0, a.length),
    ).toEqual(a);
    expect(publicImagesOf('ap-northeast-1').map((i) => i.imageId)).not.toEqual(a);
  });

  it('lists the image an instance was launched from as a private image of the account', () => {
    const { world, subnet } = newWorldWithVpc();
    runInstances(world, { imageId: 'ami-0123456789abcdef0', subnetId: subnet.subnetId });
    expect(describeImages(world, { owners: ['self'] })).toEqual([
      expect.objectContaining({ imageId: 'ami-0123456789abcdef0', isPublic: false, ownerId: world.accountId }),
    ]);
  });

  it('filters by owner alias', () => {
    const images = describeImages(new World(), { owners: ['amazon'] });
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.ownerAlias === 'amazon')).toBe(true);
  });

  it('says InvalidAMIID.NotFound for an unknown id and InvalidAMIID.Malformed for a bad one', () => {
    const world = new World();
    expectWorldError(world, () => getImage(world, 'ami-00000000000000000'), {
      code: 'InvalidAMIID.NotFound',
      message: "'[ami-00000000000000000]' does not exist",
    });
    expectWorldError(world, () => getImage(world, 'image-1'), { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "image-1"' });
  });
});
