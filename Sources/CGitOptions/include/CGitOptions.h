#ifndef CGITOPTIONS_H
#define CGITOPTIONS_H

/// Turns libgit2's object cache on or off for the process (GIT_OPT_ENABLE_CACHING).
/// Returns 0, or a negative libgit2 error code.
int civicpost_git_set_caching(int enabled);

/// Turns on or off the check that every object read hashes to its id
/// (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION). Returns 0, or a negative libgit2 error code.
int civicpost_git_set_strict_hash_verification(int enabled);

#endif
