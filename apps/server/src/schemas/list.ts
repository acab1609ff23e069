import { type TSchema, Type } from 'typebox';

/**
 * An array schema whose static type is a readonly array, so values typed with `readonly`
 * arrays (the engine's response, our reports) can be returned from routes as they are.
 */
export const List = <T extends TSchema>(items: T) => Type.Immutable(Type.Array(items));
