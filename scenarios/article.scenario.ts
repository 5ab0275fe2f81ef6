// The source article's three cases (the body is the public API's `article`), both directions each.
import { article, articleTitle, scenario } from 'vmc-reach';

scenario(articleTitle, article);
