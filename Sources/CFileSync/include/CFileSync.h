#ifndef CFILESYNC_H
#define CFILESYNC_H

/// Flushes every dirty page of the file system holding `descriptor` (Linux syncfs(2)):
/// one call makes a whole batch of written files durable. Returns 0, or -1 with errno set.
int civicpost_syncfs(int descriptor);

#endif
