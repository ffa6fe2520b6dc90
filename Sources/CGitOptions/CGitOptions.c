// git_libgit2_opts is variadic, and Swift does not import variadic C functions. These
// one-line wrappers expose the two settings civicpost changes.
#include <git2.h>
#include "CGitOptions.h"

int civicpost_git_set_caching(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_CACHING, enabled);
}

int civicpost_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
