import ServiceKit

await ServiceLauncher.main(notifierService)
