/// Every rule, in one hand-written list; a test checks that every rule file is registered.
public enum RuleRegistry {
    /// All rules, in the order their findings are reported for the same position.
    public static let all: [any Rule] = [
        FrontMatterRule(),
        ProhibitedPlatformRule(),
        CanonicalLinkRule(),
        OffsiteLinkRule(),
        PhoneNumberRule(),
        EmailAddressRule(),
        StreetAddressRule(),
        SocialSecurityNumberRule(),
        PaymentCardRule(),
        DateOfBirthRule(),
        UnauthorizedAuthorRule(),
        AccessReviewRule(),
        DepartmentScopeRule(),
        OtherDepartmentMentionRule(),
        PlatformLengthRule(),
        ProfanityRule(),
        DiscriminationRule(),
        ThreatRule(),
        PoliticalRule(),
        CommercialRule(),
        PersonalOpinionRule(),
        HiddenCharactersRule(),
        AltTextRule(),
        MediaRightsRule(),
        StalePostRule(),
        MemberInteractionRule(),
        SuppressionRule(),
    ]

    /// The rule with `id`, if any.
    public static func rule(_ id: String) -> (any Rule)? {
        all.first { type(of: $0).description.id == id }
    }
}
