// SSM's awsJson1_1 on the wire: `POST /` with `x-amz-target: AmazonSSM.<Operation>` and a JSON body
// keyed by the model's member names; answers are JSON with timestamps as epoch seconds (the SDKs
// reject ISO strings there), errors a 4xx/5xx with `{"__type": code, "message": …}`.
export const ssmTargetPrefix = 'AmazonSSM.';

const headers = (requestId: string): Record<string, string> => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amzn-requestid': requestId,
});

/** Epoch seconds (with milliseconds as a fraction), as SSM's timestamp members are sent. */
export const epochSeconds = (ms: number): number => ms / 1000;

export function ssmSuccess(body: unknown, requestId: string): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: headers(requestId) });
}

export function ssmFailure(code: string, message: string, status: number, requestId: string): Response {
  return new Response(JSON.stringify({ __type: code, message }), { status, headers: headers(requestId) });
}
