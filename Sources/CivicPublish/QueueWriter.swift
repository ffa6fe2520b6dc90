import CivicPolicy
import Foundation

/// Writes queue items into the queue folder, one file each, atomically. Which items to write
/// is decided by the caller from the records archive, the record of what was queued; the
/// folder itself is the sender's to empty.
public struct QueueWriter {
    public let folder: OutputFolder

    public init(folder: OutputFolder) {
        self.folder = folder
    }

    /// Writes each item at its file name (an existing identical file is left alone).
    public func write(_ items: [QueueItem]) throws {
        for item in items {
            try folder.stage(try item.encoded(), to: item.fileName)
        }
        try folder.commit()
    }
}
