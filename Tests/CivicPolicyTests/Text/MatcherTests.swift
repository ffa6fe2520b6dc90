import Testing

@testable import CivicPolicy

@Suite struct MatcherTests {
    @Test func wholeWordsOnly() {
        let m = matcher(["ass", "cock", "dick", "shit", "penis", "butt", "tit", "hell", "cum", "sex", "anal"])
        for text in [
            "Scunthorpe", "assessment notices", "the fire was classic arson", "Essex Street", "cockpit",
            "therapist", "grape", "shitake mushrooms", "hello", "Dickens", "analysis", "Penistone",
            "butterfly", "title", "document", "Sussex", "cocktail", "passage", "shellfish", "Middlesex",
        ] {
            #expect(find(text, with: m).isEmpty, "\(text)")
        }
        #expect(find("oh shit.", with: m) == [Found(tag: "profanity", phrase: "shit", source: "shit")])
        #expect(find("SHIT!!!", with: m).count == 1)
        #expect(find("(shit)", with: m).count == 1)
    }

    @Test func suffixStar() {
        let m = matcher(["damn*"])
        #expect(find("damned damnit damn", with: m).map(\.source) == ["damned", "damnit", "damn"])
        #expect(find("goddamn dam", with: m).isEmpty)
    }

    @Test func multiWordPhrasesCrossPunctuationRuns() {
        let m = matcher(["vote for", "re-elect"], tag: "political")
        #expect(find("Vote   for Smith", with: m).map(\.source) == ["Vote   for"])
        #expect(find("vote -- for", with: m).map(\.source) == ["vote -- for"])
        #expect(find("re elect", with: m).map(\.source) == ["re elect"])
        #expect(find("votefor", with: m).isEmpty)
        #expect(find("vote forward", with: m).isEmpty)
    }

    @Test func leetspeakOnlyForEvasionTags() {
        let m = PhraseMatcher(phrases: [("shit", "profanity"), ("ass", "profanity"), ("vote for", "political")])
        #expect(find("sh1t $hit 5h!t", with: m).map(\.source) == ["sh1t", "$hit", "5h!t"])
        #expect(find("@ss a$$", with: m).map(\.source) == ["@ss", "a$$"])
        #expect(find("$55 and @$$ and 4$5", with: m).isEmpty)  // no real letter
        #expect(find("v0te f0r", with: m).isEmpty)  // political: no evasion
        #expect(find("sh1t1", with: m).isEmpty)
        #expect(find("m@ss cl@ss gr@ss", with: m).isEmpty)  // leet never starts mid-word
    }

    @Test func spelledOutLettersAreJoined() {
        let m = matcher(["fuck*", "shit"])
        #expect(find("f.u.c.k this", with: m).map(\.source) == ["f.u.c.k"])
        #expect(find("s h i t", with: m).map(\.source) == ["s h i t"])
        #expect(find("f-u-c-k-i-n-g", with: m).map(\.source) == ["f-u-c-k-i-n-g"])
        #expect(find("s*h*i*t and sh*t and f**k", with: m).map(\.source) == ["s*h*i*t", "sh*t", "f**k"])
        #expect(find("sh it", with: m).isEmpty)
        #expect(find("s  h  i  t", with: m).isEmpty)  // only single separators
    }

    @Test func zeroWidthSpaceInsideWordIsCaughtWithExactSource() {
        let source = "oh sh\u{200B}it!"
        let ranges = sourceRanges(source)
        #expect(ranges == [3..<10])
        #expect(String(decoding: Array(source.utf8)[3..<10], as: UTF8.self) == "sh\u{200B}it")
    }

    @Test func fullWidthAndLookAlikesAreCaught() {
        let full = "ok ｓｈｉｔ ok"
        #expect(sourceRanges(full) == [3..<15])
        #expect(find(full).map(\.source) == ["ｓｈｉｔ"])
        #expect(find("ѕһіt").map(\.phrase) == ["shit"])  // Cyrillic ѕ һ і
        #expect(find("fυck").map(\.phrase) == ["fuck*"])  // Greek υ
        #expect(find("𝐬𝐡𝐢𝐭 happens").map(\.source) == ["𝐬𝐡𝐢𝐭"])
        #expect(find("s\u{0336}hit").map(\.source) == ["s\u{0336}hit"])  // strike-through combining mark
    }

    @Test func multiBytePrefixGivesCorrectSourceOffsets() {
        let source = "Café ☕ Vote for Jane"
        let found = find(source)
        #expect(found == [Found(tag: "political", phrase: "vote for", source: "Vote for")])
        let ranges = sourceRanges(source)
        #expect(ranges == [10..<18])
    }

    @Test func symbolsAndWildcards() {
        #expect(find("Get 50% off today").map(\.source) == ["% off"])
        #expect(find("best tacos in town").map(\.phrase) == ["best _ in town"])
        #expect(find("best pizza in town").map(\.phrase) == ["best pizza in town"])
        #expect(find("#ad #adopt").map(\.source) == ["#ad"])
        #expect(find("best in town").isEmpty)
    }

    @Test func exceptionsSuppressOverlappingMatches() {
        #expect(find("The pussy willows are blooming").isEmpty)
        #expect(find("Vote for your favorite float!").isEmpty)
        #expect(find("personally identifiable information").isEmpty)
        #expect(find("graduated magna cum laude").isEmpty)
        #expect(find("vote for Jane").map(\.phrase) == ["vote for"])
    }

    @Test func containedMatchesOfTheSameTagCollapse() {
        let m = matcher(["my view", "in my view", "view"], tag: "personal-opinion")
        #expect(find("In my view, yes", with: m).map(\.phrase) == ["in my view"])
        let all = m.matches(in: normalize("In my view, yes"), overlapping: true)
        #expect(all.count == 3)
    }

    @Test func emojiIsAWordBoundaryButLettersAreNot() {
        let m = matcher(["shit"])
        #expect(find("🎉shit🎉", with: m).count == 1)
        #expect(find("éshit shitä", with: m).isEmpty)
    }

    @Test func invalidPhrasesAreSkipped() {
        let m = PhraseMatcher(phrases: [("_ x", "t"), ("a*b", "t"), ("...", "t"), ("ok", "t")])
        #expect(m.phraseCount == 1)
        #expect(m.skipped.count == 3)
    }
}

@Suite struct MatcherLinearTimeTests {
    /// Every `#` and `%` can start a phrase; a run of them once took time growing with its
    /// square (20,000 took two seconds in a release build; 200,000 would take minutes). The
    /// bound is loose: a debug build takes about three seconds per run.
    @Test func longRunsOfPhraseStartingSymbolsTakeLinearTime() {
        let matcher = PhraseMatcher(phrases: [("#hate", "t"), ("100% free", "c"), ("fuck*", "p")])
        let clock = ContinuousClock()
        for symbol in ["#", "%"] {
            let text = normalize(String(repeating: symbol, count: 200_000) + " fuck")
            var found: [PhraseMatch] = []
            let elapsed = clock.measure { found = matcher.matches(in: text) }
            #expect(found.map(\.phrase) == ["fuck*"])
            #expect(elapsed < .seconds(30), "\(elapsed)")
        }
    }
}
