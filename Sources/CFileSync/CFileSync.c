// syncfs(2) is a GNU extension: its declaration needs _GNU_SOURCE, which Swift's Glibc
// module is not built with. This one-function shim exposes it.
#define _GNU_SOURCE
#include <unistd.h>
#include "CFileSync.h"

int civicpost_syncfs(int descriptor) {
    return syncfs(descriptor);
}
