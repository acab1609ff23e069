import './execute/sequence/register.js';

export type * from './ast.js';
export type { EqlErrorCode, EqlErrorJson } from './errors.js';
export { EqlError, EqlSyntaxError, EqlVerificationError, expectedFound, isEqlError } from './errors.js';
export type { FieldType } from './evaluate/compare.js';
export type { Predicate } from './evaluate/compile-condition.js';
export { anyValue, compileCondition } from './evaluate/compile-condition.js';
export type { CompiledValue, ValueType } from './evaluate/compile-value.js';
export { compileValue, firstDocValue } from './evaluate/compile-value.js';
export type { CompileContext, CompileContextOptions } from './evaluate/context.js';
export { createCompileContext } from './evaluate/context.js';
// Named by `EventOrder.instantOf`'s return type: exported so callers can name it too.
export type { PreciseInstant } from './evaluate/dates.js';
export { parseIsoDate, toEpochMillis } from './evaluate/dates.js';
export { EqlEvaluationError } from './evaluate/errors.js';
export type { ExplainNode } from './evaluate/explain.js';
export { explainExpression } from './evaluate/explain.js';
export type { FieldLookup, FieldScalar, MultiValue, RawFieldValue } from './evaluate/fields.js';
export { compileFieldAccessor, getFieldValues, lookupField } from './evaluate/fields.js';
export { pipeLimit } from './evaluate/pipe-limit.js';
export type { EqlValue, NumericKind } from './evaluate/values.js';
// `StringMatcher` is what `compileWildcards` and `compileLuceneRegex` return: exported so callers can name it.
export type { StringMatcher } from './evaluate/wildcard.js';
export { compileWildcards, hasWildcard, wildcardMatch } from './evaluate/wildcard.js';
export { BoundedHeap } from './execute/bounded-heap.js';
export type { CompiledQuery, CompileOptions, SearchRequestOptions } from './execute/compile.js';
export { compile, registerExecutorFactory, search } from './execute/compile.js';
export type { ExecutorContext, ExecutorFactory, QueryExecutor } from './execute/context.js';
export { ConditionCache, createExecutorContext } from './execute/context.js';
export { createEventQueryExecutor, eventsResponse } from './execute/event-query.js';
export type {
  CategoryExplanation,
  ClauseResult,
  EventQueryExplanation,
  ExplainOptions,
  QueryExplanation,
} from './execute/explain.js';
export { createClauseTester, explain, explainEventQuery, nearMissClause } from './execute/explain.js';
// `TimestampPrecision` is `createEventOrder`'s third parameter.
export type { EventKey, EventOrder, TimestampPrecision } from './execute/ordering.js';
export { compareKeys, createEventOrder } from './execute/ordering.js';
export type { SequenceQueryExecutor } from './execute/sequence/executor.js';
export type {
  SequenceEventExplanation,
  SequenceExplainerOptions,
  StageExplanation,
} from './execute/sequence/explain.js';
export { createSequenceExplainer, explainSequenceEvent } from './execute/sequence/explain.js';
export type { JoinValue } from './execute/sequence/join-key.js';
export type { SequenceMatcherStats } from './execute/sequence/matcher.js';
export type * from './execute/types.js';
export type { Limit, ResolvedSearchOptions } from './execute/window.js';
export { applyLimits, DEFAULT_SIZE, resolveSearchOptions, resultLimits } from './execute/window.js';
export { format, formatExpression, formatGrouped, formatString } from './format.js';
export type {
  FunctionParameter,
  FunctionReturnType,
  FunctionSignature,
  ParameterKind,
} from './functions/catalog.js';
export { FUNCTIONS, lookupFunction, parameterAt } from './functions/catalog.js';
export type { LexOptions, LexResult } from './lexer.js';
export { DEFAULT_MAX_TOKENS, lex } from './lexer.js';
export type { SourcePosition } from './location.js';
export { getLocation, getOffset, printCodeFrame } from './location.js';
export type { ParseOptions, ParseResult } from './parser.js';
export { parse, parseExpression, parseExpressionWithDiagnostics, parseWithDiagnostics } from './parser.js';
export type { RegexNode, RegexOptions } from './regex/index.js';
export { compileLuceneRegex, RegexSyntaxError, validateLuceneRegex } from './regex/index.js';
export type { PunctuatorKind, Token, TokenKind } from './token.js';
export { describeToken, isKeyword, KEYWORDS, PUNCTUATORS } from './token.js';
export { didYouMean, editDistance, suggestionList } from './verify/suggest.js';
export { check, parseAndVerify, verify, verifyExpression } from './verify.js';
export { childExpressions, childNodes, walkExpression, walkNodes } from './walk.js';
