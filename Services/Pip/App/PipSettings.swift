import DUOConnection
import Foundation
import PipDomain
import ServiceKit

/// Pip's own settings (region policy and DUO's bron), read and checked once at start: a
/// value that cannot work stops the service with one line naming the setting.
struct PipSettings: Sendable {
    static let minimumScoreB1 = ServiceSetting(
        ConfigurationKey("pip.advies.minimum-score-b1", help: "The lowest leerbaarheidstoets score for which the B1-route is advised (region policy)."),
        defaultDescription: "50", default: { _, _ in "50" })
    static let maximumLeeftijdOnderwijs = ServiceSetting(
        ConfigurationKey("pip.advies.maximum-leeftijd-onderwijs", help: "The highest age at which the onderwijsroute is advised (region policy)."),
        defaultDescription: "28", default: { _, _ in "28" })
    static let voortgangsgesprekMaanden = ServiceSetting(
        ConfigurationKey("pip.voortgangsgesprek-maanden", help: "Months between voortgangsgesprekken with a person whose PIP is fixed (region policy)."),
        defaultDescription: "3", default: { _, _ in "3" })
    /// Every setting of pip's own, after the shared ones.
    static let all = [minimumScoreB1, maximumLeeftijdOnderwijs, voortgangsgesprekMaanden, DuoConnection.bronOIN] + DuoConnection.settings

    /// The region's thresholds for the route advice.
    let policy: RouteAdvice.Policy
    /// Months between voortgangsgesprekken.
    let voortgangsgesprekMaanden: Int
    /// The OIN the region reports under.
    let bronOIN: String

    init(_ configuration: ServiceConfiguration) throws(ConfigurationError) {
        func number(_ setting: ServiceSetting, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            let text = configuration.value(of: setting)
            guard let value = Int(text), range.contains(value) else {
                throw ConfigurationError(
                    "invalid value '\(text)' for \(setting.key.flag) (\(setting.key.environmentVariable)): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        policy = RouteAdvice.Policy(
            minimumScoreB1: try number(Self.minimumScoreB1, 0...1000), maximumLeeftijdOnderwijs: try number(Self.maximumLeeftijdOnderwijs, 16...80))
        voortgangsgesprekMaanden = try number(Self.voortgangsgesprekMaanden, 1...12)
        bronOIN = try DuoConnection.bron(configuration)
    }
}
