// The engine's public surface: evaluate a flow, a matrix, and the verdict types.
export {
  evaluate,
  evaluateBrief,
  evaluateMatrix,
  iterateMatrix,
  iterateMatrixBriefs,
  matrixFlows,
  UnsupportedFlowError,
  UnknownEndpointError,
  type MatrixOptions,
} from './evaluate';
export type { Flow, EndpointRef, Protocol } from './flow';
export type * from './verdict';
export { reasonCodes, reasonCodeMeaning, isReasonCode, type ReasonCode } from './reason-codes';
export { renderVerdict, renderMatrix, renderFixCommand, renderAssumptions, assumptionLine, verdictCell, statusCounts } from './explain';
export { MatrixRows } from './matrix-rows';
export { escapeControls, safeCell, displayWidth, padDisplay, renderColumns } from './terminal-text';
export { unaddressedEndpoints, type UnaddressedEndpoint } from './endpoints';
export { resolveRef, RefError } from './refs';
