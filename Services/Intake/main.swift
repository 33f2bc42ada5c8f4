import ServiceKit

await ServiceLauncher.main(intakeService) { dependencies in try IntakeApp(dependencies).parts() }
