// One entry point of a VMware dispatcher: the method (or any), the path pattern in MSW's syntax (`*` and
// `:name` segments, on any origin) and the answer. The MSW handlers (handlers.ts) and the embedded mock's
// in-process fetch (in-process-fetch.ts) are both built from the same entries, matched by MSW's own matcher.
import { matchRequestUrl } from 'msw';

export interface VmwareEntry {
  method: 'ALL' | 'POST';
  path: string;
  answer: (request: Request) => Response | Promise<Response>;
}

/** The first entry that takes the request, as MSW's handler list would pick it. */
export const entryFor = (entries: readonly VmwareEntry[], request: Request): VmwareEntry | undefined => {
  const url = new URL(request.url);
  return entries.find((e) => (e.method === 'ALL' || e.method === request.method) && matchRequestUrl(url, e.path).matches);
};
