import CMimalloc
import Foundation

/// The process's allocator: mimalloc (linked before libc, so it serves Swift, libgit2, zlib,
/// cmark-gfm and libyaml alike).
enum Allocator {
    /// mimalloc 2's segments: 32 MiB, aligned to their size.
    private static let segmentSize = 32 << 20

    /// Asks for 2 MiB pages where the kernel gives them on request (transparent huge pages in
    /// `madvise` mode, Debian's default). A walk over 10,000 commits fills libgit2's delta
    /// cache and the tree cache with 40 MiB of fresh memory: in 4 KiB pages that is 9,000
    /// page faults, a tenth of `verify`; in 2 MiB pages, a few dozen.
    ///
    /// mimalloc reads its options before `main`, when it has already made its first segment,
    /// so the option covers the segments made from here on, and the first segment, where
    /// most small blocks live, is advised directly: it is the aligned 32 MiB around any
    /// small block. Both are hints; where they do not apply, nothing changes.
    ///
    /// `MIMALLOC_LARGE_OS_PAGES` set in the environment (to 0 or 1) is left to decide.
    static func preferLargePages() {
        guard getenv("MIMALLOC_LARGE_OS_PAGES") == nil else { return }
        mi_option_enable(mi_option_large_os_pages)
        guard (200..<300).contains(mi_version()), let probe = malloc(16) else { return }
        defer { free(probe) }
        let start = UInt(bitPattern: probe) & ~UInt(segmentSize - 1)
        _ = madvise(UnsafeMutableRawPointer(bitPattern: start), segmentSize, MADV_HUGEPAGE)
    }
}
