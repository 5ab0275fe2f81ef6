// SSM errors as SSM names them (`InvalidInstanceId`, `InvocationDoesNotExist`, …). The JSON 1.1 wire
// layer renders them as `{"__type": code, "message": …}` with the status given here.
import { WorldError } from '../errors';

export const ssmError = (code: string, message: string, httpStatus = 400): WorldError => new WorldError('ssm', code, message, httpStatus);
