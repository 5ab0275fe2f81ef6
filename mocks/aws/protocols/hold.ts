// The `timeout` fault on the AWS wire: the answer is held until the client goes away (its request
// timeout fired and it closed the connection) or `ms` pass. Resolves true when the client went away.
export function holdAnswer(signal: AbortSignal | undefined, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', gone);
      resolve(false);
    }, ms);
    timer.unref(); // a held answer never keeps a process alive
    const gone = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    signal?.addEventListener('abort', gone, { once: true });
  });
}
