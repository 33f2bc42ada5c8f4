import ServiceKit

await ServiceLauncher.main(pipService, routes: PipApp.routes, subscriptions: PipApp.subscriptions, background: PipApp.background)
