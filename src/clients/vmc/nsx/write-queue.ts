// Serializes writes: NSX does not support concurrent rule writes under one gateway policy, so the
// client runs rule PATCH/PUT/DELETE one after another, in call order, whatever the caller awaits.
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(() => fn());
    this.tail = next.catch(() => undefined);
    return next;
  }
}
