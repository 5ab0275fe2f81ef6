// EC2 Query responses on the wire: `<{Action}Response xmlns=…>` with a lowercase `<requestId>` and the
// result members directly under it (no `<{Action}Result>`), lists as wrappers of `<item>`, and errors
// as `<Response><Errors><Error><Code>…` with the real HTTP status. Built with fast-xml-parser's
// XMLBuilder, which escapes values.
import { XMLBuilder } from 'fast-xml-parser';

export type XmlValue = string | number | boolean | undefined | null | XmlObject | XmlValue[];
export interface XmlObject {
  [element: string]: XmlValue;
}

export const ec2Namespace = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: true });
const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** An EC2 list: a wrapper of `<item>` children; empty lists are an empty wrapper (`<groupSet/>`). */
export const items = (list: readonly XmlValue[]): XmlValue => (list.length > 0 ? { item: [...list] } : '');

/** A timestamp as EC2 writes it (ISO 8601, milliseconds, UTC). */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

function xmlResponse(xml: string, status: number, requestId: string): Response {
  return new Response(declaration + xml, {
    status,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId, server: 'AmazonEC2' },
  });
}

export function ec2Success(action: string, requestId: string, result: XmlObject): Response {
  const xml = builder.build({ [`${action}Response`]: { '@_xmlns': ec2Namespace, requestId, ...result } }) as string;
  return xmlResponse(xml, 200, requestId);
}

export function ec2Failure(code: string, message: string, status: number, requestId: string): Response {
  const xml = builder.build({ Response: { Errors: { Error: { Code: code, Message: message } }, RequestID: requestId } }) as string;
  return xmlResponse(xml, status, requestId);
}
