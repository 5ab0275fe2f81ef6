// The snapshot format's public surface: load a customer's exported JSON into a World, write a World
// back out in the same shapes, and the error both raise. (The article's worlds are test support:
// src/world/test-support/article-worlds.ts.)
export {
  loadSnapshot,
  loadSnapshotWithWarnings,
  readSnapshot,
  worldFromSnapshotFiles,
  type LoadSnapshotOptions,
  type LoadedSnapshot,
} from './load-snapshot';
export { formatSnapshotWarning, type SnapshotWarning } from './snapshot-warning';
export { writeSnapshot, snapshotFiles, type WriteSnapshotOptions } from './write-snapshot';
export { readSnapshotFiles, writeSnapshotFiles } from './snapshot-files';
export { SnapshotError, isSnapshotError } from './snapshot-error';
export { files as snapshotFileNames, requiredFiles, optionalFiles, howToProduce } from './layout';
