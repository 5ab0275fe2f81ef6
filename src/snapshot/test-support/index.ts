// Test support of the snapshot layer (test code only; production code must not import it): case B as
// files to edit, the world that uses every field of the format, and the snapshot's view of the world dump.
export * from './snapshot-files';
export * from './rich-world';
export * from './snapshot-view';
