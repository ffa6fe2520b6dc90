/// `link.canonical`: messages link back to the official city site, and nothing pretends to.
public struct CanonicalLinkRule: Rule {
    public static let description = RuleDescription(
        id: "link.canonical",
        title: "a link imitates the official city website, or a message has no link back to it",
        clause: PolicyClause(
            section: "GENERAL POLICY",
            quote:
                "Social media content should contain links directing users back to the City's official website for in-depth information, forms, documents, or online services necessary to conduct business with the City."
        ),
        severity: .error,
        suppressible: true,
        hint: "link to the city site itself, https://city.milwaukee.gov/…",
        triggeringExamples: [
            "Details at ↓https://city.milwaukee.gov.evil.example/dpw today.\n",
            "Pay online: ↓https://city.milwaukee.gov@evil.example/pay\n",
            "Forms at ↓https://xn--ity-milwaukee-5kb.gov/forms\n",
            "Forms at ↓http://city.milwaukee.gov/forms\n",
            "See ↓https://city.milwaukee.gov-payments.com/x\n",
            "See ↓https://city-milwaukee.gov/x\n",
            "See [the city site](↓https://city.milwaukee.gov:8080/x)\n",
        ],
        nonTriggeringExamples: [
            "Details at https://city.milwaukee.gov/dpw/leaves.\n",
            "See [the map](https://www.city.milwaukee.gov/map) and https://mpl.org/hours\n",
            "Weather: https://forecast.weather.gov/x\n",
        ])

    public init() {}

    public static var readsLinks: Bool { true }

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        var findings: [Finding] = []
        for link in post.links(in: context) {
            guard let parts = link.parts, case let .lookalike(reason) = HostJudgement.judge(parts, config: context.config) else { continue }
            findings.append(post.finding(rule, at: link.range, "link imitates the city site: \(reason)"))
        }
        // The publisher appends the post's page URL to every message; when the site itself is
        // not on the canonical host, each message needs its own link to the city site.
        if let front = post.frontMatter, let site = URLParts(context.config.baseURL),
            HostJudgement.judge(site, config: context.config) != .canonical
        {
            let hasCanonical = post.links(in: context).contains {
                $0.parts.map { HostJudgement.judge($0, config: context.config) == .canonical } ?? false
            }
            if !hasCanonical {
                findings.append(
                    post.finding(
                        rule, at: front.title.location,
                        "no message links to \(context.config.canonicalHost), and the site (\(context.config.baseURL)) is elsewhere",
                        hint: "add a link to the page on https://\(context.config.canonicalHost)/ with the details"))
            }
        }
        return findings
    }
}
