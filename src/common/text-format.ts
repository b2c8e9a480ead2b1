import { registerEnumType } from 'type-graphql';
import type { SummaryFormat } from '../content/summary';

/** How markdown text (summaries, ad bodies) is handed to a client. */
export enum TextFormat {
  MARKDOWN = 'MARKDOWN',
  HTML = 'HTML',
  TEXT = 'TEXT',
}

registerEnumType(TextFormat, {
  name: 'TextFormat',
  valuesConfig: {
    MARKDOWN: { description: 'As printed in the newsletter.' },
    HTML: { description: 'Rendered and sanitised: safe to insert into a page; inline links lose tracking parameters.' },
    TEXT: { description: 'Plain text: no markup, no link targets; paragraphs and list items on lines of their own.' },
  },
});

/** Compile-time proof that the GraphQL formats and the renderer's formats are the same set. */
export const TEXT_FORMATS: Record<SummaryFormat, TextFormat> = TextFormat;
