import CivicPolicy
import CivicTestSupport
import Testing

@Suite struct SettingsLoadingTests {
    func configError(_ yaml: String) -> String? {
        do {
            _ = try Config.load(Array(yaml.utf8), path: "civicpost.yml")
            return nil
        } catch {
            return error.description
        }
    }

    func rosterError(_ yaml: String) -> String? {
        do {
            _ = try Roster.load(Array(yaml.utf8), path: "content/roster.yml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func fixturesLoad() {
        #expect(Fixtures.config.canonicalHost == "city.milwaukee.gov")
        #expect(Fixtures.roster.person(email: "JORDAN.ELLIS@milwaukee.gov")?.name == "Jordan Ellis")
        #expect(Fixtures.roster.reviewers(for: "dpw").map(\.name) == ["Priya Natarajan", "Sam Okafor"])
        #expect(Fixtures.roster.admins.map(\.name) == ["Sam Okafor"])
    }

    @Test func configCannotEnableProhibitedPlatforms() {
        #expect(
            configError("site: {base_url: https://x.gov}\nplatforms: [x, Tik-Tok]\n")
                == "civicpost.yml:2:16: error: TikTok is prohibited by the city's policy (Prohibited foreign products) and cannot be enabled"
        )
    }

    @Test func configErrorsNameFileLineAndColumn() {
        #expect(configError("site:\n  name: x\n") == "civicpost.yml:2:3: error: 'site' is missing required key 'base_url'")
        #expect(
            configError("site: {base_url: ftp://x.gov}\n")
                == "civicpost.yml:1:18: error: 'base_url' must be an https:// address, like https://city.example.gov/news")
        #expect(
            configError("site: {base_url: https://x.gov}\nrules:\n  platform.prohibited: notice\n")
                == "civicpost.yml:3:3: error: the severity of 'platform.prohibited' cannot be changed: the policy makes it mandatory")
        #expect(
            configError("site: {base_url: https://x.gov}\naccess_review_days: many\n")
                == "civicpost.yml:2:21: error: 'access_review_days' must be a whole number")
        #expect(configError("") == "civicpost.yml:1:1: error: the configuration is empty; it needs at least 'site'")
        #expect(configError("site: [\n") != nil)
    }

    @Test func unknownConfigKeysAreWarnings() throws {
        let (_, warnings) = try Config.load(Array("site: {base_url: https://x.gov}\ncolour: red\n".utf8), path: "civicpost.yml")
        #expect(warnings.map(\.description) == ["civicpost.yml:2:1: warning: unknown key 'colour' in the configuration is ignored"])
    }

    @Test func rosterErrorsNameFileLineAndColumn() {
        #expect(
            rosterError(
                "departments:\n  - slug: dpw\n    name: DPW\npeople:\n  - name: A\n    emails: [a@x.gov]\n    department: parks\n    roles: [spokesperson]\n"
            )
                == "content/roster.yml:7:17: error: department 'parks' is not in 'departments' (or use \"*\" for every department)")
        #expect(
            rosterError(
                "departments:\n  - slug: dpw\n    name: DPW\npeople:\n  - name: A\n    emails: [a@x.gov]\n    department: dpw\n    roles: [mayor]\n"
            )
                == "content/roster.yml:8:13: error: unknown role 'mayor'; expected one of spokesperson, reviewer, admin, elected, representative, contractor"
        )
        #expect(
            rosterError(
                "departments:\n  - slug: dpw\n    name: DPW\npeople:\n  - name: A\n    emails: [a@x.gov]\n    department: dpw\n    roles: [reviewer]\n    authorized_until: 2027-02-30\n"
            )
                == "content/roster.yml:9:23: error: 'authorized_until' must be a date like 2027-06-30, not '2027-02-30'")
        #expect(
            rosterError("departments:\n  - slug: dpw\n    name: A\n  - slug: dpw\n    name: B\n")
                == "content/roster.yml:4:11: error: department 'dpw' is listed twice")
        #expect(
            rosterError("departments: &d []\npeople: *d\n")
                == "content/roster.yml:1:14: error: YAML anchors and aliases (`&name`, `*name`) are not allowed; write the value out, or quote it if it is text"
        )
        #expect(rosterError("people:\n\t- name: x\n")?.hasPrefix("content/roster.yml:2:1: error: invalid YAML") == true)
    }

    @Test func emailsAreUniqueAcrossPeople() {
        #expect(
            rosterError(
                "departments:\n  - slug: dpw\n    name: DPW\npeople:\n  - name: A\n    emails: [a@x.gov]\n    department: dpw\n    roles: [reviewer]\n  - name: B\n    emails: [A@x.gov]\n    department: dpw\n    roles: [reviewer]\n"
            )
                == "content/roster.yml:10:14: error: email 'A@x.gov' belongs to two people")
    }
}
