// The source article's three cases (the body is in article.ts), both directions each.
import { scenario } from 'vmc-reach';
import { article, articleTitle } from './article';

scenario(articleTitle, article);
