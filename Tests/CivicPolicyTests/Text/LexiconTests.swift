import Foundation
import Testing

@testable import CivicPolicy

@Suite struct LexiconTests {
    @Test(arguments: lexiconTags)
    func shippedLexiconParsesAndHasAPolicyHeader(tag: String) throws {
        let text = try String(contentsOf: lexiconDirectory.appendingPathComponent("\(tag).txt"), encoding: .utf8)
        let entries = try parseLexicon(text, tag: tag)
        #expect(entries.count > 50)
        #expect(text.contains("Policy, "))
        #expect(text.contains("lexicons/ folder"))
        #expect(PhraseMatcher(phrases: entries).skipped.isEmpty)
    }

    @Test func formatAndMarkers() throws {
        let text = """
            \u{FEFF}# comment
              Damn*  \r
            ~pussy willow

            \\#ad
            !shit
            """
        let entries = try parseLexicon(text, tag: "profanity")
        #expect(entries.map(\.phrase) == ["Damn*", "~pussy willow", "#ad", "!shit"])
        #expect(entries.allSatisfy { $0.tag == "profanity" })
    }

    @Test(arguments: [
        ("ok\nda*mn", 2, 3),
        ("damn *", 1, 6),
        ("  _ foo", 1, 3),
        ("foo _", 1, 5),
        ("!", 1, 1),
        ("! ", 1, 1),
        ("\\x", 1, 1),
        ("a\u{0007}b", 1, 2),
        ("\n\n  ...", 3, 3),
    ])
    func errorsNameLineAndColumn(text: String, line: Int, column: Int) {
        #expect {
            try parseLexicon(text, tag: "t")
        } throws: { error in
            guard let error = error as? LexiconError else { return false }
            return error.line == line && error.column == column && error.tag == "t"
        }
    }

    @Test func errorDescription() {
        let error = LexiconError(tag: "political", line: 3, column: 7, reason: "phrase has no letters or digits")
        #expect(error.description == "political.txt:3:7: phrase has no letters or digits")
    }

    @Test func cityFileAddsAndRemoves() throws {
        let defaults = try parseLexicon("damn\ndamn*\ncrap\n", tag: "profanity")
        let city = try parseLexicon("!DAMN\nheck\ncrap\n!not-there\n", tag: "profanity")
        let merged = mergeLexicon(defaults, city)
        #expect(merged.map(\.phrase) == ["damn*", "crap", "heck"])
        let otherTag = mergeLexicon(defaults, [("!damn", "political")])
        #expect(otherTag.count == 3)
    }

    /// City announcements that must not fire any rule.
    @Test(arguments: [
        "Vote early at City Hall, Room 501, weekdays 8am-4:30pm.",
        "Polling places are open 7am to 8pm. Register to vote at myvote.wi.gov.",
        "Absentee ballot requests are due Thursday. Vote no later than 8 p.m.",
        "Assessment notices will be mailed this week.",
        "Investigators say the fire was classic arson.",
        "We think about safety every day.",
        "We believe every resident deserves clean water.",
        "Road work on Essex Street begins Monday.",
        "Try the new menu at Hell's Kitchen? No: check the Sussex Street detour.",
        "Our therapist-led grief groups meet at the Dickens Room.",
        "The Scunthorpe delegation visits the Penistone exhibit.",
        "Butterfly garden volunteers needed; document titles attached.",
        "Free compost while supplies last at the yard.",
        "Vote for up to three candidates on the ballot.",
        "Please vote for your favorite float in the parade!",
        "Candidates running for mayor must file nomination papers.",
        "Eurasian watermilfoil was found in the lagoon.",
        "Flame retardant testing at the fire academy.",
        "The land use code update is open for comment.",
        "This won't hurt you: free flu shots at the health department.",
        "Hang your lights, then string them up safely.",
        "There is no on-street parking on Wells.",
        "Graduates finished summa cum laude.",
        "Tickets for the Domes holiday show are available.",
        "Personally identifiable information is never shared.",
        "Controlled burn down by the lakefront on Tuesday.",
        "Crappie and walleye fishing clinic at the lagoon.",
    ])
    func cityAnnouncementsDoNotFire(text: String) {
        #expect(find(text).isEmpty, "\(find(text))")
    }

    /// Posts that must fire, with the rule.
    @Test(arguments: [
        ("Re-elect Alderperson Smith!", "political"),
        ("Vote yes on the referendum April 2", "political"),
        ("Paid for by Friends of Jane", "political"),
        ("Donate to my campaign today", "political"),
        ("Use promo code CITY20 for 20% off", "commercial"),
        ("Best pizza in town at Sal's", "commercial"),
        ("Sponsored by Acme Bank", "commercial"),
        ("Visit our sponsor, Acme Bank", "commercial"),
        ("Limited time offer: buy now", "commercial"),
        ("I think the plan is wrong.", "personal-opinion"),
        ("In my opinion, this is great", "personal-opinion"),
        ("IMO the council got it right", "personal-opinion"),
        ("I'm concerned about the budget", "personal-opinion"),
        ("I will kill you", "threat"),
        ("You will regret this.", "threat"),
        ("Watch your back.", "threat"),
        ("Burn it down!", "threat"),
        ("go back where you came from", "discrimination"),
        ("what the f.u.c.k", "profanity"),
        ("this is bullsh1t", "profanity"),
    ])
    func violationsFire(text: String, tag: String) {
        #expect(find(text).contains { $0.tag == tag }, "\(find(text))")
    }
}
