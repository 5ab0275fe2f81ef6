// The Applied-To labels of the compute and management gateways (`/infra/labels/{id}`), which CGW rules
// name in `scope`. They are fixed in every SDDC and read-only.
// Mock note: the real labels also list their `refs` (the interfaces they stand for); not modelled.
import { nsxError } from '../errors';

export interface NsxLabel {
  id: string;
  path: string;
  displayName: string;
}

const label = (id: string, displayName: string): NsxLabel => ({ id, path: `/infra/labels/${id}`, displayName });

/** The labels of a VMC SDDC, in the order the UI offers them. */
export function predefinedLabels(): NsxLabel[] {
  return [
    label('cgw-all', 'All Uplinks'),
    label('cgw-public', 'Internet Interface'),
    label('cgw-cross-vpc', 'VPC Interface'),
    label('cgw-direct-connect', 'Direct Connect'),
    label('cgw-vpn', 'VPN Tunnel Interface'),
    label('mgw', 'Management Gateway'),
  ];
}

export const listLabels = (): NsxLabel[] => predefinedLabels();

/** The label at `path`, or NSX's 404. */
export function getLabel(path: string): NsxLabel {
  const found = predefinedLabels().find((l) => l.path === path);
  if (!found) throw nsxError(500090, `The path=[${path}] is invalid: label not found.`, 404);
  return found;
}

export const isLabelPath = (path: string): boolean => path.startsWith('/infra/labels/');
