import Models

/// What the law attaches to missed intake conversations: after the first a written warning
/// and a new invitation; from the second on, a fine of €250 for the case worker to decide on.
enum NoShowRule {
    static func gevolg(aantalNoShows: Int) -> NoShowGeregistreerd.Gevolg {
        aantalNoShows >= 2 ? .boeteSignaal : .waarschuwing
    }
}
