import FormEngine
import Records

/// What a driver's DBS Update Service status checks say, taken in the order they were recorded: what the last one
/// found, and the latest day one found no change.
struct CheckHistory: Sendable {
    /// What the last check recorded found.
    private(set) var lastResult: DBSCheckResult
    /// The latest day a check found no change; nil when none did (or none's day is known).
    private(set) var latestNoChange: Day?

    /// A history of one check.
    init(_ check: StatusCheck) {
        lastResult = check.result
        add(check)
    }

    /// Takes in the next check recorded on the driver.
    mutating func add(_ check: StatusCheck) {
        lastResult = check.result
        if check.result == .noChange, let day = check.checkedOn, latestNoChange.map({ day > $0 }) ?? true {
            latestNoChange = day
        }
    }

    /// Every driver's history, by driver number, from checks oldest first.
    static func of(_ checks: [StatusCheck]) -> [String: CheckHistory] {
        var byDriver: [String: CheckHistory] = [:]
        byDriver.reserveCapacity(checks.count)
        for check in checks {
            if byDriver[check.driver]?.add(check) == nil { byDriver[check.driver] = CheckHistory(check) }
        }
        return byDriver
    }
}
