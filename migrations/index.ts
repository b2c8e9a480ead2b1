import type { MigrationInterface } from 'typeorm';
import { Initial1795900000000 } from './1795900000000-Initial';
import { Editorial1796000000000 } from './1796000000000-Editorial';
import { BackfillImportedVersion1796000000001 } from './1796000000001-BackfillImportedVersion';
import { SponsorIdentity1796000000010 } from './1796000000010-SponsorIdentity';
import { RecreditSponsors1796000000011 } from './1796000000011-RecreditSponsors';
import { PartnerScopes1796000000020 } from './1796000000020-PartnerScopes';
import { SummaryText1797000000000 } from './1797000000000-SummaryText';
import { RecanonicalizeLinks1797000000100 } from './1797000000100-RecanonicalizeLinks';
import { Search1797000000200 } from './1797000000200-Search';
import { FeedTokens1797000000300 } from './1797000000300-FeedTokens';
import { LinkTagPublished1797000000500 } from './1797000000500-LinkTagPublished';
import { IssueHeadlineDocument1797000000600 } from './1797000000600-IssueHeadlineDocument';
import { LinkTagPublishedInsert1797000000700 } from './1797000000700-LinkTagPublishedInsert';
import { SearchDocumentOnChange1797000000710 } from './1797000000710-SearchDocumentOnChange';
import { LinkIdSection1797000000910 } from './1797000000910-LinkIdSection';

/** Every migration, in order; listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795900000000,
  Editorial1796000000000,
  BackfillImportedVersion1796000000001,
  SponsorIdentity1796000000010,
  RecreditSponsors1796000000011,
  PartnerScopes1796000000020,
  SummaryText1797000000000,
  RecanonicalizeLinks1797000000100,
  Search1797000000200,
  FeedTokens1797000000300,
  LinkTagPublished1797000000500,
  IssueHeadlineDocument1797000000600,
  LinkTagPublishedInsert1797000000700,
  SearchDocumentOnChange1797000000710,
  LinkIdSection1797000000910,
];
