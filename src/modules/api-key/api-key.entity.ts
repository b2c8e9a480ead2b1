import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role';

/** A caller's credential: only the SHA-256 of the secret is stored; the secret is shown once, at creation. */
@ObjectType()
@Entity('api_key')
export class ApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'Who or what the key is for ("Night desk").' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'api_key_role' })
  role!: Role;

  @Field({ description: 'The first characters of the secret, to recognise a key without revealing it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'char', length: 64, unique: true })
  secretHash!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute (KEY_LAST_USED_INTERVAL_S).' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
