// Views that never change, for devices without a doc (e.g. no private doc on the console).
import type { View } from './views';

const noop = () => () => {};
const emptyFields: View<Partial<Record<string, unknown>>> = { get: () => ({}), subscribe: noop };
const emptyItems: View<ReadonlyMap<string, unknown>> = { get: () => new Map(), subscribe: noop };

export const fields = <T extends object>() => emptyFields as View<Partial<T>>;
export const items = <T>() => emptyItems as View<ReadonlyMap<string, T>>;
