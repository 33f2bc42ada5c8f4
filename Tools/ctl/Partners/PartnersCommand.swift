import ArgumentParser

/// `inburgeringctl partners …`: the partners allowed to push webhooks to one service.
struct PartnersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "Add, list, disable and enable a service's webhook partners; set where they get webhooks; rotate their secrets; read their log.",
        discussion: """
            COA pushes to intake, providers to enrolment. A partner's secret is printed once, \
            when it is made; give it to the partner over a secure channel. docs/webhooks.md is \
            what the partner's developer needs. The service need not be stopped.
            """,
        subcommands: [
            AddPartner.self, ListPartners.self, SetPartnerURL.self, RotatePartnerSecret.self, DisablePartner.self, EnablePartner.self, ShowPartnerLog.self,
        ]
    )
}
