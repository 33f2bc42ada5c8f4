import ServiceKit

await ServiceLauncher.main(intakeService, routes: IntakeApp.routes, webhooks: IntakeApp.webhooks, background: IntakeApp.background)
