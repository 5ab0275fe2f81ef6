// Symbol.asyncDispose on every Node this package supports (engines: >=20), so started handles (the lab,
// the mocks) can implement `[Symbol.asyncDispose]` and callers write `await using`. Node 20.4+ and 22
// define the symbol (Node's own until V8 ships the standard one, which then wins); Node 20.0–20.3 do
// not, and there it becomes Symbol.for('Symbol.asyncDispose'), the key the transpiled `await using`
// (esbuild's helper) falls back to. Import this module, for its effect, where `[Symbol.asyncDispose]`
// is defined.
(Symbol as unknown as { asyncDispose?: symbol }).asyncDispose ??= Symbol.for('Symbol.asyncDispose');

export {};
