// Unit tests for the public SSM parameters: their values are the region's catalogue AMIs.
import { World } from '../world';
import { expectWorldError } from '../test-support';
import { getImage } from '../ec2/images';
import { getParameter, getParameters } from './parameters';

const al2023 = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

describe('public parameters', () => {
  it('names an Amazon Linux 2023 image of the catalogue', () => {
    const world = new World({ region: 'ap-northeast-1' });
    const p = getParameter(world, al2023);
    expect(getImage(world, p.value).name).toMatch(/^al2023-ami-.*-x86_64$/);
    expect(p.arn).toBe(`arn:aws:ssm:ap-northeast-1::parameter${al2023}`);
  });

  it('says ParameterNotFound for anything else', () => {
    const world = new World();
    expectWorldError(world, () => getParameter(world, '/my/app/secret'), {
      code: 'ParameterNotFound',
      message: 'Parameter /my/app/secret not found.',
    });
  });

  it('returns the found parameters and the invalid names separately', () => {
    const r = getParameters(new World(), [al2023, '/nope']);
    expect(r.parameters.map((p) => p.name)).toEqual([al2023]);
    expect(r.invalidParameters).toEqual(['/nope']);
  });
});
