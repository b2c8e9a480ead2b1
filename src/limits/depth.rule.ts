import { ASTVisitor, FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, ValidationContext } from 'graphql';

/** Fields of the introspection system: exempt from the depth limit (the standard introspection query is 14 deep). */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Counts selections looked at, for tests that bound the work rather than time it. */
export interface RuleStats {
  visits: number;
}

/**
 * Refuses operations nested deeper than `maxDepth` fields (e.g. previous { previous { ... } }).
 * Linear in the document's size: each fragment's depth is measured once, however
 * often and wherever it is spread.
 */
export function depthLimitRule(maxDepth: number, stats: RuleStats = { visits: 0 }) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // A fragment's depth once known; `pending` while measuring it (a cycle, which validation refuses, counts 0).
    const depths = new Map<string, number | 'pending'>();

    const fragmentDepth = (name: string): number => {
      const known = depths.get(name);
      if (known === 'pending') return 0;
      if (known !== undefined) return known;
      depths.set(name, 'pending');
      const definition = fragments.get(name);
      const depth = definition ? depthOf(definition.selectionSet) : 0;
      depths.set(name, depth);
      return depth;
    };

    const depthOf = (set: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of set.selections) {
        stats.visits += 1;
        if (selection.kind === Kind.FIELD) {
          if (selection.selectionSet && !INTROSPECTION_ROOTS.has(selection.name.value)) {
            deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet));
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${maxDepth}.`, {
              nodes: [operation],
              extensions: { depth, limit: maxDepth },
            }),
          );
        }
        return false;
      },
    };
  };
}
