export {
  Agency,
  Agreement,
  CrossRegionStatement,
  crossRegionProblems,
  Directory,
  DirectoryKey,
  ExpectedFeed,
  Route,
  SignedDirectory,
} from './directory.ts';
export { DirectoryWatcher, publishDirectory } from './directory-store.ts';
export { DirectoryView, keyUsableAt, type ResolvedKey } from './directory-view.ts';
export { ed25519PublicKey, ed25519Sign, ed25519Verify } from './ed25519.ts';
export { type GovernanceKey, signDirectory, verifyDirectory } from './sign-directory.ts';
