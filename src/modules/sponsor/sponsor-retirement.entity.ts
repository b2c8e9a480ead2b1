import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Sponsor } from './sponsor.entity';

/**
 * A sponsor that no longer exists because its appearances were credited elsewhere
 * (a link shortener that stood in for many advertisers, the newsletter itself):
 * its old id and key, and the sponsor most of its appearances went to.
 */
@Entity('sponsor_retirement')
export class SponsorRetirement {
  @PrimaryColumn({ name: 'old_id', type: 'int', primaryKeyConstraintName: 'pk_sponsor_retirement' })
  oldId!: number;

  @Column({ name: 'old_domain', type: 'varchar', length: 255 })
  oldDomain!: string;

  @Column({ name: 'old_name', type: 'text' })
  oldName!: string;

  /** Null when its appearances went to nobody (house ads, ads that name no advertiser). */
  @Column({ name: 'new_id', type: 'int', nullable: true })
  newId!: number | null;

  @ManyToOne(() => Sponsor, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'new_id', foreignKeyConstraintName: 'fk_sponsor_retirement_new' })
  newSponsor?: Sponsor;

  @Column({ name: 'retired_at', type: 'timestamp with time zone', default: () => 'now()' })
  retiredAt!: Date;
}
