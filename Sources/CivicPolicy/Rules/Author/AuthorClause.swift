/// What the author rules share: the policy clause and who to ask.
enum AuthorClause {
    static let authorization = PolicyClause(
        section: "AUTHORIZATION AND ACCESS",
        quote:
            "Employees must have prior authorization to act as a spokesperson for the City before posting official comments regarding City-related business on social media sites."
    )

    static let accessReview = PolicyClause(
        section: "AUTHORIZATION AND ACCESS",
        quote:
            "Departments should routinely review access privileges for specific employees to determine if continued access to social media sites remains warranted."
    )

    /// The roster admins, named for a hint.
    static func admins(in roster: Roster) -> String {
        let admins = roster.admins.map { "\($0.name) <\($0.email)>" }
        return admins.isEmpty ? "a civicpost admin" : admins.joined(separator: " or ")
    }
}
