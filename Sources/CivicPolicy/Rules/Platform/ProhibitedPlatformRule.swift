/// `platform.prohibited`: TikTok, WeChat and Tencent QQ are never a target, in any spelling.
public struct ProhibitedPlatformRule: Rule {
    public static let description = RuleDescription(
        id: "platform.prohibited",
        title: "a prohibited foreign platform (TikTok, WeChat, Tencent QQ) is a target or linked",
        clause: PolicyClause(
            section: "PROHIBITED FOREIGN PRODUCTS",
            quote:
                "In Alignment with the State of Wisconsin Department of Administration Standard 290 – REMOVAL OF PROHIBITED FOREIGN PRODUCTS, the City of Milwaukee prohibits the use of Tik Tok, WeChat and Tencent QQ, on city owned devices."
        ),
        severity: .error,
        suppressible: false,
        hint: "remove it: the city's policy prohibits TikTok, WeChat and Tencent QQ, and no setting can allow them",
        triggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, ↓tiktok]\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms:\n  - ↓Tik Tok\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [↓WeChat, ↓qq]\n---\nBody\n",
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x]\nsocial:\n  ↓douyin: hi\n---\nBody\n",
            "Watch the video at ↓https://www.tiktok.com/@citymke/video/1 today.\n",
            "Scan to join: [our group](↓https://weixin.qq.com/g/abc)\n",
        ],
        nonTriggeringExamples: [
            "---\ntitle: Leaves\ndepartment: dpw\nplatforms: [x, facebook]\n---\nWe do not use TikTok on city devices.\n",
            "Details at https://city.milwaukee.gov/dpw/leaves\n",
        ])

    public init() {}

    public static var readsLinks: Bool { true }

    public func check(_ post: Post, in context: RuleContext) -> [Finding] {
        let rule = Self.description
        var findings: [Finding] = []
        if let front = post.frontMatter {
            for name in front.platforms {
                if let platform = ProhibitedPlatform.named(name.value) {
                    findings.append(
                        post.finding(
                            rule, at: name.location,
                            "\(platform.rawValue) is a prohibited platform and cannot be a target"))
                }
            }
            for (name, _) in front.social {
                if let platform = ProhibitedPlatform.named(name.value) {
                    findings.append(
                        post.finding(
                            rule, at: name.location,
                            "'social.\(name.value)' is text for \(platform.rawValue), a prohibited platform"))
                }
            }
        }
        for link in post.links(in: context) {
            guard let parts = link.parts, case let .prohibited(platform) = HostJudgement.judge(parts, config: context.config) else {
                continue
            }
            findings.append(post.finding(rule, at: link.range, "link to \(platform.rawValue), a prohibited platform"))
        }
        return findings
    }
}
