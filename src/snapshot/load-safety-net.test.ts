// The loader's safety net: an error no reader anticipated becomes a SnapshotError naming the file being
// read (with the original as its cause), so the CLI answers exit 2 about that file, not an internal error.
import { SnapshotError } from './snapshot-error';
import { caseBFiles } from './test-support';
import { worldFromSnapshotFiles } from './load-snapshot';

/** Case B's files, where reading one file fails the way an unanticipated reader bug would. */
class Failing extends Map<string, string> {
  constructor(
    files: Map<string, string>,
    private readonly bad: string,
  ) {
    super(files);
  }
  override get(key: string): string | undefined {
    if (key === this.bad) throw new TypeError("Cannot read properties of undefined (reading 'x')");
    return super.get(key);
  }
}

test('an unexpected error while reading a file is a SnapshotError naming that file', () => {
  const load = () => worldFromSnapshotFiles(new Failing(caseBFiles(), 'aws/describe-instances.json'), { seed: 1 });
  expect(load).toThrow(SnapshotError);
  expect(load).toThrow(
    /^aws\/describe-instances\.json holds something vmc-reach cannot read \(Cannot read properties of undefined \(reading 'x'\)\)\. .*export the file again: aws ec2 describe-instances/,
  );
});

test('the original error is kept as the cause', () => {
  try {
    worldFromSnapshotFiles(new Failing(caseBFiles(), 'nsx/groups.json'), { seed: 1 });
    throw new Error('expected a throw');
  } catch (e) {
    expect((e as SnapshotError).file).toBe('nsx/groups.json');
    expect((e as Error).cause).toBeInstanceOf(TypeError);
  }
});
