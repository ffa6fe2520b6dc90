import ArgumentParser
import CivicPolicy
import Foundation

/// `--now`: the moment a command acts at (for tests and replays); defaults to the clock.
struct ClockOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Act as if it were this moment (ISO 8601 with offset, or YYYY-MM-DD).", valueName: "time"))
    var now: String?

    func validate() throws {
        if let now, Timestamp(now) == nil {
            throw ValidationError("--now must look like 2026-10-10T09:00:00-05:00 or 2026-10-10, not '\(now)'")
        }
    }

    /// The moment, UTC.
    var timestamp: Timestamp {
        now.flatMap(Timestamp.init) ?? Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }

    /// Today in the machine's time zone (or the day `--now` names, in its own offset).
    var today: Day {
        if let now, let time = Timestamp(now) {
            return Timestamp(secondsSinceEpoch: time.secondsSinceEpoch + time.offsetMinutes * 60).day
        }
        let offset = TimeZone.current.secondsFromGMT()
        return Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970) + offset).day
    }
}
