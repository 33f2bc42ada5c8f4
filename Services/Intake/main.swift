import ServiceKit

await ServiceLauncher.main(intakeService)
