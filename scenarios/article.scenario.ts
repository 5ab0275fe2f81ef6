// The source article's three cases (the body is in article.ts), both directions each.
import { scenario } from '../src/harness/jest/scenario';
import { article, articleTitle } from './article';

scenario(articleTitle, article);
