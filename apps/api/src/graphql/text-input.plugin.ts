import { ApolloServerPlugin } from '@apollo/server';
import { FieldError, badInput, bilingual, findInputProblem, textProblem } from '@opendata/common';
import { BREAK, DocumentNode, GraphQLError, visit } from 'graphql';

/**
 * The GraphQL half of the edge check (the REST half is http/text-input.interceptor.ts): once a request is
 * parsed and validated, and before any resolver runs, its variables and the string literals of its document
 * must hold no NUL character, no unpaired surrogate and no value nested deeper than MAX_INPUT_DEPTH. A problem
 * answers HTTP 400 with BAD_USER_INPUT naming the variable (`$input.title`) or the argument (`slug`,
 * `where.0.eq`), whatever field takes it: a new query or mutation is covered without anyone remembering to.
 */
export function textInputPlugin(): ApolloServerPlugin {
  // Apollo hands the same parsed document to every request with the same text: its literals are read once.
  const literals = new WeakMap<DocumentNode, FieldError | null>();
  const literalProblemOf = (document: DocumentNode): FieldError | null => {
    if (!literals.has(document)) literals.set(document, literalProblem(document));
    return literals.get(document) ?? null;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problem = variableProblem(request.variables) ?? literalProblemOf(document);
          if (!problem) return;
          const error = badInput([problem]);
          throw new GraphQLError(error.message, {
            originalError: error,
            extensions: { code: error.code, messageKey: error.messageKey, fields: [problem], http: { status: 400 } },
          });
        },
      };
    },
  };
}

function variableProblem(variables: Record<string, unknown> | undefined): FieldError | null {
  const problem = variables ? findInputProblem(variables, '') : null;
  return problem ? { path: `$${problem.path}`, message: problem.message } : null;
}

/** The first string literal that cannot be taken, with its argument path (`input.tags.2`). */
export function literalProblem(document: DocumentNode): FieldError | null {
  const names: string[] = [];
  let found: FieldError | null = null;
  const enterName = (node: { name: { value: string } }) => {
    names.push(node.name.value);
  };
  const leaveName = () => {
    names.pop();
  };
  visit(document, {
    Argument: { enter: enterName, leave: leaveName },
    ObjectField: { enter: enterName, leave: leaveName },
    StringValue(node, key, parent) {
      const problem = textProblem(node.value);
      if (!problem) return undefined;
      // A list item's key is its index in the list's values.
      found = { path: [...names, ...(Array.isArray(parent) ? [String(key)] : [])].join('.'), message: bilingual(problem) };
      return BREAK;
    },
  });
  return found;
}
