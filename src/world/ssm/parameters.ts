// GetParameter / GetParameters for the public parameters AWS publishes under /aws/service/ (the
// latest Amazon Linux, Windows and Ubuntu AMIs of the region). Their values are the ids of the
// world's public image catalogue, so a RunInstances with the returned id works.
// Mock note: only these public parameters exist; PutParameter and the customer's own parameters are
// not modelled, nor `name:version` selectors.
import type { World } from '../world';
import { publicImagesOf } from '../ec2/images';
import { ssmError } from './ssm-error';

export interface Parameter {
  name: string;
  type: 'String';
  value: string;
  version: number;
  lastModifiedDate: number;
  arn: string;
  dataType: 'text';
}

function publicParameters(world: World): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const image of publicImagesOf(world.region)) {
    for (const name of image.ssmParameters) {
      out.set(name, {
        name,
        type: 'String',
        value: image.imageId,
        version: 1,
        lastModifiedDate: Date.parse(image.creationDate),
        arn: `arn:aws:ssm:${world.region}::parameter${name}`,
        dataType: 'text',
      });
    }
  }
  return out;
}

export function getParameter(world: World, name: string): Parameter {
  const found = publicParameters(world).get(name);
  if (!found) throw ssmError('ParameterNotFound', `Parameter ${name} not found.`);
  return found;
}

/** GetParameters: the parameters found, and the names that were not. */
export function getParameters(world: World, names: readonly string[]): { parameters: Parameter[]; invalidParameters: string[] } {
  const all = publicParameters(world);
  const parameters: Parameter[] = [];
  const invalidParameters: string[] = [];
  for (const name of names) {
    const p = all.get(name);
    if (p) {
      if (!parameters.includes(p)) parameters.push(p);
    } else if (!invalidParameters.includes(name)) invalidParameters.push(name);
  }
  return { parameters, invalidParameters };
}
