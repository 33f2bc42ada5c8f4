/// A failure of a command that was used correctly: printed as one line, exit status 1.
/// (Argument mistakes use ArgumentParser's `ValidationError`, which also shows the usage.)
struct CtlFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
