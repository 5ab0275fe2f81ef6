// CreateTags and DeleteTags on the wire (`ResourceId.N`, `Tag.N.Key`, `Tag.N.Value`). EC2 answers
// `<return>true</return>`; the SDK returns only the metadata.
import { createTags, deleteTags, ec2Error } from '../../../src/world';
import type { QueryParams } from '../protocols/query-params';
import { operation, type Ec2OperationTable } from './operation';

interface TagsInput {
  resourceIds: string[];
  tags: { key: string; value: string | undefined }[];
}

function parseTags(p: QueryParams): TagsInput {
  return {
    resourceIds: p.strings('ResourceId'),
    tags: p.list('Tag').map((t) => ({ key: t.required('Key'), value: t.str('Value') })),
  };
}

const notFound = (input: TagsInput) => ec2Error('InvalidID', `The ID '${input.resourceIds[0] ?? '?'}' is not valid`);

export const tagOperations: Ec2OperationTable = {
  CreateTags: operation({
    parse: parseTags,
    run: ({ world }, input) => {
      createTags(
        world,
        input.resourceIds,
        input.tags.map((t) => ({ key: t.key, value: t.value ?? '' })),
      );
      return { return: true };
    },
    notFound,
  }),
  DeleteTags: operation({
    parse: parseTags,
    run: ({ world }, input) => {
      deleteTags(
        world,
        input.resourceIds,
        input.tags.map((t) => (t.value === undefined ? { key: t.key } : { key: t.key, value: t.value })),
      );
      return { return: true };
    },
    notFound,
  }),
};
