import CivicTestSupport
import Testing

@testable import CivicPolicy

/// The detectors walk each post once for lexicon phrases and roster names together; that walk
/// must find exactly what the two matchers find apart.
@Suite struct CombinedMatcherTests {
    static let texts = [
        "Ald. Mayfield said the f.u.c.k sh*t was damn good; @TerrenceMayfield agrees.",
        "DPW and the Department of Public Works plow streets; dpw crews, MPD and the Fire Department help.",
        "Council member Delgado: no political endorsement, vote for me! sh1t h3ll f u c k",
        "carmen.delgado and terrence.mayfield wrote to the Common Council about the @Mayfield2026 campaign.",
        "Plain text with nothing to find, café naïve 東京 and emoji 🎉 in it.",
        "",
    ]

    @Test(arguments: texts)
    func combinedWalkFindsWhatSeparateMatchersFind(_ text: String) throws {
        let detectors = Detectors(
            config: Fixtures.config, lexicon: Fixtures.lexicon, referenceYear: 2026, roster: Fixtures.roster)
        #expect(detectors.combined != nil)
        let normalized = normalize(text)
        let (phrases, names) = detectors.phraseAndNameMatches(in: normalized)
        #expect(phrases == detectors.phrases.matches(in: normalized))
        #expect(names == detectors.rosterNames.matcher.matches(in: normalized))
        if text == Self.texts[0] { #expect(!phrases.isEmpty && !names.isEmpty) }
    }

    @Test func separateMatchersAreUsedWhenTagsOverlap() {
        // A lexicon phrase tagged like a roster name: one walk could not tell them apart.
        var detectors = Detectors(config: Fixtures.config, referenceYear: 2026, roster: Fixtures.roster)
        detectors.phrases = PhraseMatcher(
            phrases: detectors.rosterNames.matcher.entries.prefix(1).map { ($0.phrase, $0.tag) })
        #expect(detectors.combined == nil)
        let normalized = normalize("Ald. Mayfield and Council member Delgado")
        let (phrases, names) = detectors.phraseAndNameMatches(in: normalized)
        #expect(phrases == detectors.phrases.matches(in: normalized))
        #expect(names == detectors.rosterNames.matcher.matches(in: normalized))
        #expect(!names.isEmpty)
    }
}
