import { openArchive } from '../../cli/archive/open-archive.ts';
import { archiveStoreContract } from '../helpers/archive-store-contract.ts';

// dynalite over its wire protocol, through the DynamoDB adapter the CLI and Lambda use
archiveStoreContract('DynamoDB (embedded engine)', () => openArchive({ inMemory: true }));
