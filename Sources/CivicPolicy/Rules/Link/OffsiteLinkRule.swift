/// `link.offsite`: links that leave the city's own sites and the allowed partner hosts.
public struct OffsiteLinkRule: Rule {
    public static let description = RuleDescription(
        id: "link.offsite",
        title: "a link goes outside the city's sites and the allowed hosts",
        clause: PolicyClause(
            section: "GENERAL POLICY",
            quote:
                "To ensure that the City's website (www.city.milwaukee.gov) remains the primary and predominant internet presence for the City of Milwaukee and the central repository for the City's web-based information, wherever possible, content posted to City social media sites must also be made available on the City's website."
        ),
        severity: .warning,
        suppressible: true,
        hint: "link to the city's page on the subject, or add the host to allow.link_hosts in civicpost.yml",
        triggeringExamples: [
            "Register at ↓https://www.eventbrite.com/e/123 today.\n",
            "See [the form](↓https://forms.gle/abc) and ↓https://bit.ly/x\n",
        ],
        nonTriggeringExamples: [
            "Details at https://city.milwaukee.gov/dpw and https://www.mpl.org/hours\n",
            "Forecast: https://forecast.weather.gov/MapClick.php?x=1\n",
        ])

    public init() {}

    public static var readsLinks: Bool { true }

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        return post.links(in: context).compactMap { link in
            guard let parts = link.parts, HostJudgement.judge(parts, config: context.config) == .offsite else { return nil }
            return post.finding(rule, at: link.range, "link to \(parts.host), outside the city's sites")
        }
    }
}
