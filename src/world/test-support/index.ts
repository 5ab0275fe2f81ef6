// Test support of the world layer (test code only; production code must not import it, a lint rule
// says so): the one test-world builder and its presets, the article's worlds, a fake clock, the one
// world dump, and the assertions for a failed world operation.
export * from './clock';
export * from './worlds';
export * from './dump';
export * from './world-errors';
export * from './article-worlds';
export * from './article-windows';
export * from './ssm-world';
