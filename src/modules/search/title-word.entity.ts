import { Entity, Index, PrimaryColumn } from 'typeorm';

/** A word of some link's title, once (migrations/1798000000100-TitleWords.ts): where the typo fallback finds similar words. */
@Entity('title_word')
// Trigram GIN on the word, created by the migration.
@Index('ix_title_word_trgm', { synchronize: false })
export class TitleWord {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_title_word' })
  word!: string;
}
