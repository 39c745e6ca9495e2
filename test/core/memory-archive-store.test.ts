import { MemoryArchiveStore } from '../../adapters/memory-archive-store.ts';
import { archiveStoreContract } from '../helpers/archive-store-contract.ts';

archiveStoreContract('in memory', async () => ({ store: new MemoryArchiveStore(), close: async () => {} }));
