extension Config {
    /// Parses `civicpost.yml`. Throws a ``ContentError`` naming file, line and column for
    /// anything unusable; unknown keys come back as warnings.
    public static func load(_ bytes: [UInt8], path: String) throws(ContentError) -> (config: Config, warnings: [ContentWarning]) {
        let reader = YAMLReader(lineOffset: 0)
        var warnings: [ContentWarning] = []
        do throws(YAMLProblem) {
            guard let root = try reader.parse(bytes[...]) else {
                throw YAMLProblem(
                    location: SourceLocation(line: 1, column: 1), reason: "the configuration is empty; it needs at least 'site'")
            }
            let top = try YAMLMapping(root, reader: reader, what: "the configuration")
            warn(
                top.unknownKeys([
                    "site", "publish_branch", "platforms", "allow", "access_review_days",
                    "require_signed_commits", "retention", "rules", "approval", "inactivity_days",
                ]),
                in: "the configuration", path: path, into: &warnings)
            guard let site = try top.mapping("site", in: "the configuration") else {
                throw YAMLProblem(location: top.location, reason: "the configuration is missing 'site' (name, base_url, canonical_host)")
            }
            warn(site.unknownKeys(["name", "base_url", "canonical_host"]), in: "'site'", path: path, into: &warnings)
            let baseURL = try site.string("base_url", required: true, in: "'site'")!
            guard let baseHost = URLParts(baseURL.value), baseHost.scheme == "https" else {
                throw YAMLProblem(
                    location: baseURL.location, reason: "'base_url' must be an https:// address, like https://city.example.gov/news")
            }
            let canonical = try site.string("canonical_host", in: "'site'")
            let canonicalHost = canonical?.value.lowercased() ?? baseHost.host
            guard URLParts.isPlainHost(canonicalHost) else {
                throw YAMLProblem(
                    location: canonical?.location ?? baseURL.location,
                    reason: "'canonical_host' must be a host name like city.example.gov (no scheme, path or port)")
            }
            var config = Config(
                siteName: try site.string("name", in: "'site'")?.value ?? "City News",
                baseURL: baseURL.value.hasSuffix("/") ? String(baseURL.value.dropLast()) : baseURL.value,
                canonicalHost: canonicalHost)
            config.publishBranch = try top.string("publish_branch", in: "the configuration")?.value ?? "main"
            if let platforms = try top.stringList("platforms", in: "the configuration") {
                config.platforms = []
                for name in platforms {
                    if let prohibited = ProhibitedPlatform.named(name.value) {
                        throw YAMLProblem(
                            location: name.location,
                            reason:
                                "\(prohibited.rawValue) is prohibited by the city's policy (Prohibited foreign products) and cannot be enabled"
                        )
                    }
                    guard let platform = Platform.named(name.value) else {
                        throw YAMLProblem(
                            location: name.location,
                            reason:
                                "unknown platform '\(name.value)'; expected one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))"
                        )
                    }
                    config.platforms.append(platform)
                }
            }
            if let allow = try top.mapping("allow", in: "the configuration") {
                warn(allow.unknownKeys(["phones", "email_domains", "addresses", "link_hosts"]), in: "'allow'", path: path, into: &warnings)
                config.allow = Allowlist(
                    phones: try allow.stringList("phones", in: "'allow'")?.map(\.value) ?? [],
                    emailDomains: try allow.stringList("email_domains", in: "'allow'")?.map { $0.value.lowercased() } ?? [],
                    addresses: try allow.stringList("addresses", in: "'allow'")?.map(\.value) ?? [],
                    linkHosts: try allow.stringList("link_hosts", in: "'allow'")?.map { $0.value.lowercased() } ?? [])
            }
            config.accessReviewDays = try top.integer("access_review_days") ?? 365
            config.inactivityDays = try top.integer("inactivity_days") ?? 180
            config.requireSignedCommits = try top.bool("require_signed_commits") ?? false
            if let retention = try top.mapping("retention", in: "the configuration") {
                for pair in retention.pairs {
                    config.retention[pair.key] = try retention.scalarString(pair.value, key: pair.key).value
                }
            }
            if let rules = try top.mapping("rules", in: "the configuration") {
                for pair in rules.pairs {
                    let value = try rules.scalarString(pair.value, key: pair.key)
                    guard let severity = Severity(rawValue: value.value) else {
                        throw YAMLProblem(location: value.location, reason: "severity of '\(pair.key)' must be error, warning or notice")
                    }
                    guard let rule = RuleRegistry.rule(pair.key) else {
                        warnings.append(
                            ContentWarning(
                                path: path, location: reader.location(of: pair.keyNode),
                                reason: "unknown rule '\(pair.key)' in 'rules' is ignored; `civicpost explain` lists the rules"))
                        continue
                    }
                    guard rule.description.suppressible else {
                        throw YAMLProblem(
                            location: reader.location(of: pair.keyNode),
                            reason: "the severity of '\(pair.key)' cannot be changed: the policy makes it mandatory")
                    }
                    config.ruleSeverities[pair.key] = severity
                }
            }
            if let approval = try top.mapping("approval", in: "the configuration") {
                warn(approval.unknownKeys(["baseline"]), in: "'approval'", path: path, into: &warnings)
                config.approvalBaseline = try approval.string("baseline", in: "'approval'")?.value
            }
            return (config, warnings)
        } catch {
            throw ContentError(path: path, location: error.location, reason: error.reason)
        }
    }
}
