import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';

/**
 * Refuses documents with more than `maxAliases` aliases: each alias of a list
 * runs it again (the cost rule prices them in full; this stops floods early and cheaply).
 */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`Query uses ${aliases} aliases; the limit is ${maxAliases}.`, {
                extensions: { aliases, limit: maxAliases },
              }),
            );
          }
        },
      },
    };
  };
}
