package import Models

/// What the law attaches to not responding to the invitations for the brede intake: after
/// the first a written warning and a new invitation; from the second on, a fine of €250 for
/// the case worker to decide on. Once the person has come, a missed later conversation is a
/// warning only: the fine is for not answering the invitations at all.
package enum NoShowRule {
    package static func gevolg(aantalNoShows: Int, verschenenEerder: Bool) -> NoShowGeregistreerd.Gevolg {
        aantalNoShows >= 2 && !verschenenEerder ? .boeteSignaal : .waarschuwing
    }
}
