import { Type } from 'typebox';
import { List } from './list.js';

/** The body of every error response. `code` is stable and meant for programs. */
export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
});

/** One EQL problem with its position: 1-based line/column, 0-based UTF-16 offsets. */
export const EqlProblem = Type.Object({
  code: Type.String(),
  message: Type.String(),
  line: Type.Integer(),
  column: Type.Integer(),
  start: Type.Integer(),
  end: Type.Integer(),
});

/** A 400 that may carry EQL problems (invalid queries). */
export const BadRequestBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  errors: Type.Optional(List(EqlProblem)),
});

export const CorpusIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
});
