// The article's three cases as a ScenarioSpec (the body, src/harness/dsl/article.ts, is shared with
// scenarios/article.scenario.ts), for the reliability checks, which run the harness in-process
// (defineScenario + runScenario) without jest.
import { article, articleTitle } from '../harness/dsl/article';
import { defineScenario } from '../harness/dsl/builder';
import type { ScenarioSpec } from '../harness/dsl/spec';

export { articleTitle };

export const articleSpec = (): ScenarioSpec => defineScenario(articleTitle, article);
