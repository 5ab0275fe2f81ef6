// The public API of the `vmc-reach` package: what a scenario file imports (`import { scenario, allow }
// from 'vmc-reach'`). Everything here is the DSL and its types; nothing else of the harness is public.
// Inside this repository `vmc-reach` resolves to this file (tsconfig `paths`, jest `moduleNameMapper`).
export { scenario } from './harness/jest/scenario';
export * from './harness/dsl/builder';
// The source article's three cases as a scenario body: `scenario(articleTitle, article)`.
export { article, articleTitle } from './harness/dsl/article';
export type * from './harness/dsl/spec';
export type { ReasonCode } from './network/reason-codes';
export type { HarnessConfig } from './target/config/schema';
