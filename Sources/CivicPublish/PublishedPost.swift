import CivicPolicy

/// A post version the publisher puts out: approved and due (or outdated, kept as a record).
/// A class, immutable: the indexes hold it in many lists at once, and a copy is a retain.
public final class PublishedPost: Sendable {
    /// What the indexes and feeds show of the post.
    public let summary: PostSummary
    /// The blob id of the version.
    public let blob: String
    /// The commit that holds the version on the publish branch.
    public let commit: String
    /// Who approved it, and in which merge; nil for the adoption baseline.
    public let approval: Approval?
    /// When it is (or was) due, UTC.
    public let publishAt: Timestamp
    /// Stale or withdrawn: the page stays, marked outdated, and leaves the indexes.
    public let outdated: Bool

    /// The post's path in the repository.
    public let path: String
    /// The file of its page in the site, `<department>/<yyyy>/<slug>/index.html`.
    public let pageFile: String?
    /// What the key of an index page or feed takes from each post it lists (path, version,
    /// date), made once: 10,000 posts each go into several keys on every run.
    let listKey: [UInt8]

    public init(summary: PostSummary, blob: String, commit: String, approval: Approval?, publishAt: Timestamp, outdated: Bool) {
        self.summary = summary
        self.blob = blob
        self.commit = commit
        self.approval = approval
        self.publishAt = publishAt
        self.outdated = outdated
        path = summary.path
        pageFile = summary.pagePath.map { $0 + "index.html" }
        var key: [UInt8] = []
        key.reserveCapacity(path.utf8.count + blob.utf8.count + 2 + 2 * MemoryLayout<Int>.size)
        HubKey.append(path, to: &key)
        HubKey.append(blob, to: &key)
        HubKey.append(publishAt, to: &key)
        listKey = key
    }
}

/// The evidence that a post version was approved.
public struct Approval: Sendable, Codable, Equatable {
    /// The merge commit that brought the version in (or the baseline commit).
    public var merge: String
    /// The reviewer's email.
    public var reviewer: String

    public init(merge: String, reviewer: String) {
        self.merge = merge
        self.reviewer = reviewer
    }
}
