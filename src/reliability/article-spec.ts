// The article's three cases as a ScenarioSpec (the body shared with scenarios/article.scenario.ts), for
// the reliability checks, which run the harness in-process (defineScenario + runScenario) without jest.
import { defineScenario } from '../harness/dsl/builder';
import type { ScenarioSpec } from '../harness/dsl/spec';
import { article, articleTitle } from '../../scenarios/article';

export { articleTitle };

export const articleSpec = (): ScenarioSpec => defineScenario(articleTitle, article);
