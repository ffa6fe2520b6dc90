/// The parts of a SARIF 2.1.0 log civicpost writes (OASIS SARIF 2.1.0, errata 01). Property
/// names are SARIF's; optional properties that are nil are left out.
enum SARIF {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    static let version = "2.1.0"
    /// The `uriBaseId` relative artifact locations are resolved against.
    static let sourceRoot = "%SRCROOT%"

    struct Log: Encodable {
        var schema = SARIF.schema
        var version = SARIF.version
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        /// Our columns count Unicode scalars.
        var columnKind = "unicodeCodePoints"
        var originalUriBaseIds: [String: ArtifactLocation]
        var results: [Result]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var semanticVersion: String
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Message
        var defaultConfiguration: Configuration
        var properties: Properties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct Properties: Encodable {
        var tags: [String]
    }

    /// A message; `markdown` only where SARIF allows a multiformat message.
    struct Message: Encodable {
        var text: String
        var markdown: String?
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        /// Empty when nothing silences the result (SARIF: suppressions were evaluated).
        var suppressions: [Suppression]
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
        /// The whole source line, personal data masked.
        var contextRegion: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        var description: Message?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
        var endColumn: Int?
        var snippet: Snippet?
    }

    struct Snippet: Encodable {
        var text: String
    }

    struct Suppression: Encodable {
        var kind = "inSource"
        var justification: String
        /// Where the suppression comment is.
        var location: Location?
        /// `expires` (YYYY-MM-DD) when the comment names a last day.
        var properties: SuppressionProperties?
    }

    struct SuppressionProperties: Encodable {
        var expires: String
    }
}
