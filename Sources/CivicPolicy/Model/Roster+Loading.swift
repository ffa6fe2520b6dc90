extension Roster {
    /// Parses `content/roster.yml`. Throws a ``ContentError`` naming file, line and column
    /// for anything unusable; unknown keys come back as warnings.
    public static func load(_ bytes: [UInt8], path: String) throws(ContentError) -> (roster: Roster, warnings: [ContentWarning]) {
        let reader = YAMLReader(lineOffset: 0)
        var warnings: [ContentWarning] = []
        do throws(YAMLProblem) {
            guard let root = try reader.parse(bytes[...]) else {
                throw YAMLProblem(
                    location: SourceLocation(line: 1, column: 1),
                    reason: "the roster is empty; it needs 'departments' and 'people'")
            }
            let top = try YAMLMapping(root, reader: reader, what: "the roster")
            warn(top.unknownKeys(["departments", "people", "bodies"]), in: "the roster", path: path, into: &warnings)
            var roster = Roster()
            var slugs: Set<String> = []
            for node in try top.sequence("departments") ?? [] {
                let item = try YAMLMapping(node, reader: reader, what: "a department")
                warn(item.unknownKeys(["slug", "name", "aliases"]), in: "a department", path: path, into: &warnings)
                let slug = try item.string("slug", required: true, in: "a department")!
                guard isSlug(slug.value) else {
                    throw YAMLProblem(
                        location: slug.location, reason: "department slug '\(slug.value)' must be lower-case letters, digits and hyphens")
                }
                guard slugs.insert(slug.value).inserted else {
                    throw YAMLProblem(location: slug.location, reason: "department '\(slug.value)' is listed twice")
                }
                roster.departments.append(
                    Department(
                        slug: slug.value,
                        name: try item.string("name", required: true, in: "a department")!.value,
                        aliases: try item.stringList("aliases", in: "a department")?.map(\.value) ?? []))
            }
            var emails: Set<String> = []
            for node in try top.sequence("people") ?? [] {
                let item = try YAMLMapping(node, reader: reader, what: "a person")
                warn(
                    item.unknownKeys([
                        "name", "emails", "email", "department", "roles", "authorized_until",
                        "reviewed_on", "revoked_on", "signing_key", "note",
                    ]),
                    in: "a person", path: path, into: &warnings)
                let name = try item.string("name", required: true, in: "a person")!
                var listed = try item.stringList("emails", in: "a person") ?? []
                if listed.isEmpty { listed = try item.stringList("email", in: "a person") ?? [] }
                guard !listed.isEmpty else {
                    throw YAMLProblem(
                        location: item.location, reason: "\(name.value) needs 'emails', a list of the addresses they commit with")
                }
                for email in listed {
                    guard email.value.contains("@") else {
                        throw YAMLProblem(location: email.location, reason: "'\(email.value)' is not an email address")
                    }
                    guard emails.insert(email.value.lowercased()).inserted else {
                        throw YAMLProblem(location: email.location, reason: "email '\(email.value)' belongs to two people")
                    }
                }
                let department = try item.string("department", required: true, in: "a person")!
                guard department.value == "*" || slugs.contains(department.value) else {
                    throw YAMLProblem(
                        location: department.location,
                        reason: "department '\(department.value)' is not in 'departments' (or use \"*\" for every department)")
                }
                var roles: Set<Role> = []
                for role in try item.stringList("roles", in: "a person") ?? [] {
                    guard let value = Role(rawValue: role.value) else {
                        throw YAMLProblem(
                            location: role.location,
                            reason: "unknown role '\(role.value)'; expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
                        )
                    }
                    roles.insert(value)
                }
                guard !roles.isEmpty else {
                    throw YAMLProblem(location: item.location(ofKey: "roles"), reason: "\(name.value) needs at least one role")
                }
                roster.people.append(
                    Person(
                        name: name.value, emails: listed.map(\.value), department: department.value, roles: roles,
                        authorizedUntil: try item.day("authorized_until", in: "a person")?.value,
                        reviewedOn: try item.day("reviewed_on", in: "a person")?.value,
                        revokedOn: try item.day("revoked_on", in: "a person")?.value,
                        signingKey: try item.string("signing_key", in: "a person")?.value))
            }
            for node in try top.sequence("bodies") ?? [] {
                let item = try YAMLMapping(node, reader: reader, what: "a governmental body")
                warn(item.unknownKeys(["slug", "name", "members"]), in: "a governmental body", path: path, into: &warnings)
                roster.bodies.append(
                    GovernmentalBody(
                        slug: try item.string("slug", required: true, in: "a governmental body")!.value,
                        name: try item.string("name", required: true, in: "a governmental body")!.value,
                        members: try item.stringList("members", in: "a governmental body")?.map(\.value) ?? []))
            }
            return (roster, warnings)
        } catch {
            throw ContentError(path: path, location: error.location, reason: error.reason)
        }
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

func warn(_ keys: [Located<String>], in what: String, path: String, into warnings: inout [ContentWarning]) {
    for key in keys {
        warnings.append(ContentWarning(path: path, location: key.location, reason: "unknown key '\(key.value)' in \(what) is ignored"))
    }
}
